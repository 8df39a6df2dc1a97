import type { Catalog } from '../catalog';
import { en } from './en';

/** Being translated. */
export const zhCN: Catalog = { ...en };
