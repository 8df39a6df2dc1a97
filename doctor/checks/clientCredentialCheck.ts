/**
 * The credential the bot signs in to Entra with, checked locally: the secret is only said to be present (never
 * shown); a certificate file must hold a private key and, when the file carries the certificate as well, that
 * certificate must be the one the thumbprint names, belong to the key and be in date. Only thumbprints are printed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { describeError, failed, passed, type CheckOutcome, type DoctorCheck } from '../checkResult';

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
const SHA1_HEX = /^[0-9A-F]{40}$/;
const THUMBPRINT_FIX = 'Set MICROSOFT_APP_CERTIFICATE_THUMBPRINT to the thumbprint the app registration shows under "Certificates & secrets" for this certificate.';

/** Thumbprints are written with or without colons and spaces, in either case; compare them as bare upper-case hex. */
export const normalizeThumbprint = (thumbprint: string): string => thumbprint.replace(/[\s:]/g, '').toUpperCase();

function readPrivateKey(pem: string): crypto.KeyObject | null {
  try {
    return crypto.createPrivateKey(pem);
  } catch {
    // An unreadable key is an expected finding here, reported by the caller.
    return null;
  }
}

function checkCertificate(certificatePath: string, thumbprint: string): CheckOutcome {
  let pem: string;
  try {
    pem = fs.readFileSync(certificatePath, 'utf8');
  } catch (error) {
    return failed(
      `MICROSOFT_APP_CERTIFICATE_PATH ${certificatePath} cannot be read (${(error as NodeJS.ErrnoException).code ?? describeError(error)}).`,
      'Point MICROSOFT_APP_CERTIFICATE_PATH at the PEM file with the private key, readable by the bot.',
    );
  }
  const key = readPrivateKey(pem);
  if (!key) {
    return failed(
      `MICROSOFT_APP_CERTIFICATE_PATH ${certificatePath} holds no readable, unencrypted private key.`,
      'Export the key as an unencrypted PEM (for a .pfx: openssl pkcs12 -in bot.pfx -out bot.pem -nodes).',
    );
  }
  const expected = normalizeThumbprint(thumbprint);
  if (!SHA1_HEX.test(expected)) return failed(`MICROSOFT_APP_CERTIFICATE_THUMBPRINT "${thumbprint}" is not a SHA-1 thumbprint (40 hex digits).`, THUMBPRINT_FIX);
  const certificates = (pem.match(CERTIFICATE_BLOCK) ?? []).map((block) => new crypto.X509Certificate(block));
  const certificate = certificates.find((candidate) => normalizeThumbprint(candidate.fingerprint) === expected);
  if (certificates.length === 0) {
    return passed(`private key readable; the file holds no certificate, so thumbprint ${expected} is checked by the token request only.`);
  }
  if (!certificate) {
    const found = certificates.map((candidate) => normalizeThumbprint(candidate.fingerprint)).join(', ');
    return failed(`MICROSOFT_APP_CERTIFICATE_THUMBPRINT is ${expected}, but the certificate in ${certificatePath} has thumbprint ${found}.`, THUMBPRINT_FIX);
  }
  if (!certificate.checkPrivateKey(key)) {
    return failed(`the private key in ${certificatePath} does not belong to certificate ${expected}.`, 'Put the certificate and its own private key in MICROSOFT_APP_CERTIFICATE_PATH.');
  }
  if (Date.parse(certificate.validTo) <= Date.now()) {
    return failed(
      `certificate ${expected} (MICROSOFT_APP_CERTIFICATE_PATH) expired on ${certificate.validTo}.`,
      'Create a new certificate, upload it to the app registration, and set MICROSOFT_APP_CERTIFICATE_PATH and MICROSOFT_APP_CERTIFICATE_THUMBPRINT to it.',
    );
  }
  return passed(`certificate ${expected} with its private key, valid until ${certificate.validTo}.`);
}

export const clientCredentialCheck: DoctorCheck = {
  name: 'client credential',
  run: ({ auth }) => {
    // The bot uses the secret when both are set (src/auth/graphTokenService.ts), so that is what is checked.
    if (auth.appPassword) {
      const ignored = auth.certificatePath ? ' The certificate settings are ignored while it is set.' : '';
      return passed(`a client secret is set in MICROSOFT_APP_PASSWORD (not shown).${ignored}`);
    }
    if (!auth.certificatePath || !auth.certificateThumbprint) {
      return failed('neither MICROSOFT_APP_PASSWORD nor a certificate is set.', 'Set MICROSOFT_APP_PASSWORD, or MICROSOFT_APP_CERTIFICATE_PATH with MICROSOFT_APP_CERTIFICATE_THUMBPRINT.');
    }
    return checkCertificate(auth.certificatePath, auth.certificateThumbprint);
  },
};
