# The bot as a container. Build: `docker build -t profile-interests-bot .`
# Run: `docker run --env-file bot.env -p 3978:3978 profile-interests-bot` behind an HTTPS reverse proxy or ingress.
# Settings come from the environment (see docs/production.md); no .env file is copied into the image.
# The image holds the product only: src/ compiled by the production build, the card templates and the sign-in pages'
# scripts. The local profile service, local mode, the packager and the benchmark are never copied in.

FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY cards ./cards
RUN npm run build

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Scripts of the SSO fallback pages (auth-start.html / auth-end.html), read at runtime.
COPY public ./public
USER node
EXPOSE 3978
CMD ["node", "dist/src/index.js"]
