// The exchange of a transfer on its own channel. Each transfer opens one forwarded-tcpip channel,
// like any call, and writes its JSON-RPC request line; then lines and raw bytes alternate, and
// the SSH channel's window is the backpressure (neither side reads ahead of what it can write).
//
// upload_file (hub → agent):
//   hub   {"jsonrpc":"2.0","id":1,"method":"upload_file","params":{path,size,…}}\n
//   agent {"ready":{"offset":N,"prefixSha256":H}}\n     N bytes of an earlier attempt are there
//         (or a JSON-RPC error reply, and the channel ends)
//   hub   {"start":S}\n                                 S = N when H matches its own first N
//                                                        bytes, else 0 (start over)
//   hub   size − S raw bytes, then {"sha256":F}\n        F = SHA-256 of the whole file
//   agent JSON-RPC reply: TransferResult, once the file is synced and renamed into place —
//         or an error (checksum mismatch, disk full…); the partial file stays for a resume.
//
// download_file (agent → hub):
//   hub   request line with {path, offset: N, prefixSha256: H} of what it already holds
//   agent {"ready":{"size":Z,"start":S}}\n               S = N when H matches, else 0
//   agent Z − S raw bytes, then the JSON-RPC reply: TransferResult with the whole file's SHA-256,
//         which the hub compares with its own before renaming into place.

import { z } from 'zod';

/** Bytes read from disk and written to the channel at a time. */
export const TRANSFER_CHUNK_BYTES = 256 * 1024;

/** Longest control line (ready, start, trailer) either side accepts. */
export const MAX_CONTROL_LINE_BYTES = 4096;

/** Name of the partial file kept beside the destination until the transfer completes. */
export function partialName(name: string): string {
  return `.${name}.etph-partial`;
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const bytes = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const uploadReadySchema = z.object({
  ready: z.object({ offset: bytes, prefixSha256: sha256 }),
});
export const uploadStartSchema = z.object({ start: bytes });
export const uploadTrailerSchema = z.object({ sha256 });
export const downloadReadySchema = z.object({ ready: z.object({ size: bytes, start: bytes }) });

export type UploadReady = z.infer<typeof uploadReadySchema>;
export type DownloadReady = z.infer<typeof downloadReadySchema>;
