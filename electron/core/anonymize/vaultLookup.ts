import type { Database as Connection } from 'better-sqlite3-multiple-ciphers';
import type { IdentityKind, VaultLookup } from '../../../shared/vault';
import { appendAudit } from '../store/audit';
import { identitiesOf, type Vault, type VaultEntry } from './vault';

/** What a roster row's identifiers become in the vault: one entry per kind, under the participant's pseudonym. */
export function vaultEntries(
  pseudonym: string,
  identifiers: readonly { kind: IdentityKind; value: string }[],
): VaultEntry[] {
  return identifiers.map(({ kind, value }) => ({ pseudonym, domain: kind, identity: value }));
}

/**
 * Re-identification: the identities the vault keeps for a pseudonym. Each lookup is in the project's audit log
 * with the pseudonym (not personal data on its own) and how many identities were shown, never the identities.
 */
export function lookUpPseudonym(
  vault: Vault,
  project: Connection,
  pseudonym: string,
  actor: string,
): VaultLookup {
  const identities = identitiesOf(vault, pseudonym).map((entry) => ({
    kind: entry.domain as IdentityKind,
    identity: entry.identity,
  }));
  appendAudit(project, {
    actor,
    action: 'vault.lookup',
    objectType: 'participant',
    objectId: pseudonym,
    detail: { reidentification: true, identitiesShown: identities.length },
  });
  return { pseudonym, identities };
}
