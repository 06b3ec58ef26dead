import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { generate } from 'selfsigned';
import { CoreError } from '../errors';
import { readPrivateFile, writePrivateFile } from '../sync/deviceKeyStore';

/** This laptop's TLS identity at a venue: an ECDSA P-256 key and a self-signed certificate. */
export interface VenueCertificate {
  keyPem: string;
  certPem: string;
  /** SHA-256 of the certificate's DER, lowercase hex: what peers pin and the laptop URL carries. */
  fingerprint: string;
}

/**
 * Kept beside the database like the device key (a 0600 file, `plenary.sqlite.venue.pem`, key and
 * certificate together), never in the database: backups and copies of the database never carry
 * it. The desktop app may later encrypt it with the system keychain as it does the device key.
 */
export const venueCertificateFile = (databasePath: string): string => `${databasePath}.venue.pem`;

/** SHA-256 of a certificate's DER bytes, lowercase hex, no separators. */
export const certificateFingerprint = (der: Uint8Array): string => createHash('sha256').update(der).digest('hex');

const years = 20;

/** The laptop's venue certificate, made on first use; a file that is not one is an error, never replaced silently. */
export async function venueCertificate(databasePath: string): Promise<VenueCertificate> {
  const file = venueCertificateFile(databasePath);
  const bytes = readPrivateFile(file);
  if (bytes !== undefined) return parse(Buffer.from(bytes).toString('utf8'), file);
  const now = new Date();
  // A long validity: peers pin the certificate itself, never a chain or a date, and an expired
  // one would only break a venue in the middle of a forum.
  const pems = await generate([{ name: 'commonName', value: 'Plenary laptop' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 24 * 60 * 60 * 1000),
    notAfterDate: new Date(now.getTime() + years * 365 * 24 * 60 * 60 * 1000),
  });
  const text = `${pems.private.trim()}\n${pems.cert.trim()}\n`;
  writePrivateFile(file, text);
  return parse(text, file);
}

function parse(text: string, file: string): VenueCertificate {
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(text)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  try {
    if (!key || !cert) throw new Error('no key or no certificate');
    const x509 = new X509Certificate(cert);
    if (!x509.checkPrivateKey(createPrivateKey(key))) throw new Error('the key does not match the certificate');
    return { keyPem: `${key}\n`, certPem: `${cert}\n`, fingerprint: certificateFingerprint(x509.raw) };
  } catch (error) {
    throw new CoreError(
      'venue_unavailable',
      `The venue certificate ${file} cannot be used (${(error as Error).message}). Move it away and start venue mode again: a new certificate is made, and paired laptops must be paired again.`,
    );
  }
}
