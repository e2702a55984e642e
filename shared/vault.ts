import { z } from 'zod';

/**
 * The re-identification vault: an optional, separate encrypted file with its own passphrase that maps a
 * participant's pseudonym back to the identifiers a roster imported, for the follow-up of at-risk participants
 * a governance process may require. Off by default; the project file never holds what is in it.
 */

const passphrase = z.string().min(1, 'Enter the passphrase.').max(1024);
const filePath = z.string().min(1).max(4096);

/** A pseudonym as the app shows it (P-7K3Q9X), in Crockford base 32; lower case is accepted. */
const pseudonym = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^P-[0-9A-HJKMNP-TV-Z]{6,16}$/,
    'A pseudonym looks like P-7K3Q9X: "P-" and six or more letters and digits.',
  );

export const vaultSchemas = {
  'vault.status': z.object({}).strict(),
  'vault.create': z.object({ path: filePath, passphrase }).strict(),
  'vault.open': z.object({ path: filePath, passphrase }).strict(),
  'vault.close': z.object({}).strict(),
  'vault.lookup': z.object({ pseudonym }).strict(),
} as const;

/** Which identifiers the vault keeps: the participant id, the e-mail and the name, as a roster imported them. */
export type IdentityKind = 'id' | 'email' | 'name';

/** none: no vault chosen for this project in this session; locked: chosen but not unlocked; open: unlocked. */
export type VaultStatus = { state: 'none' } | { state: 'locked' | 'open'; path: string };

export interface KeptIdentity {
  kind: IdentityKind;
  identity: string;
}

export interface VaultLookup {
  pseudonym: string;
  /** Empty when the vault keeps nothing for this pseudonym. */
  identities: KeptIdentity[];
}

export interface VaultResults {
  'vault.status': VaultStatus;
  'vault.create': VaultStatus;
  'vault.open': VaultStatus;
  'vault.close': VaultStatus;
  'vault.lookup': VaultLookup;
}
