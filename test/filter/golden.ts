/**
 * Golden filter files shared by the format and endianness tests. The file format is a contract:
 * these bytes may only change with a new format version.
 */
export const GOLDEN_FAST =
  '504742460d0a1a0a0200400001031809010000002a0000000500000000000000' +
  '7b14ae47e17a843f000000001600000080000000010000000000000001e9dabe' +
  '117316cc00000000000000000000000000000000000000000000000000000000' +
  '0000000000000000000000000000000000000000000000000000000000000000' +
  '5111000040004420e0054680b000089b020e20002020203834000132a0280a00' +
  '0257145c20020830014ae310410889004005020443490488408020000024a040';
export const GOLDEN_FAST_KEYS = ['password', '123456', 'qwerty', 'Pässwörd', '🙂'];
/** SHA-256 of the three-part golden file (header and part table are pinned in full in format.test.ts). */
export const GOLDEN_PARTS_SHA256 = '8ee05ec036f9a2d4af9514bb14a3d3c0c8d66bbb7e790bdbb1785bbc9807bf9e';
