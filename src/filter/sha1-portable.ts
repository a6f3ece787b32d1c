import { sha1 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Sha1Hex } from './sha1.js';

/** SHA-1 in pure JS (@noble/hashes): works in browsers and Node alike. */
export const portableSha1Hex: Sha1Hex = (password) => bytesToHex(sha1(utf8ToBytes(password)));
