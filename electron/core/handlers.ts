import { ConfidantError } from '../../shared/errors';
import type { Handlers } from '../../shared/api';
import { readAnonymisationSettings, saveAnonymisationSettings } from './anonymize/anonymisationSettings';
import { generaliseAttribute, previewGeneralisation } from './anonymize/attributeGeneralisation';
import { detectIdentifierMasks } from './anonymize/detectors/employeeId';
import { riskReport } from './anonymize/riskReport';
import { nameWordCounts, recordOtherNames } from './anonymize/rosterNameStore';
import { applyReview, previewReview } from './anonymize/applyReview';
import {
  addFinding,
  decideFindings,
  listDocumentsForReview,
  readDocumentForReview,
} from './anonymize/redactionReview';
import { rescanAwaitingDocuments } from './anonymize/rescanDocuments';
import { listTables, readRows } from './data/dataRows';
import { previewDocument } from './import/documentImport';
import { previewSource, requirePlanFitsKind } from './import/importJob';
import { importTargets } from './import/importTargets';
import { findSavedMapping, saveMapping } from './import/savedMappings';
import type { JobInput, JobOutput } from './jobs/registry';
import { runJob } from './jobs/runner';
import { listImports, previewImportRemoval, removeImport } from './import/importRemoval';
import { lookUpPseudonym } from './anonymize/vaultLookup';
import type { Session } from './session';
import { appendAudit, readAudit } from './store/audit';
import { checkPassphrase } from './store/passphrasePolicy';
import { requireAcceptablePassphrase } from './store/encryptedFile';
import { projectInfo } from './store/projectInfo';

/**
 * The engine's side of the contract in shared/api.ts. Arguments arrive already validated against the schemas
 * (ipc.ts, the harness and the CLI all validate before calling). One object satisfies `Handlers`, so a
 * missing or misspelled handler does not compile.
 */
export function createHandlers(session: Session): Handlers {
  const { actor } = session.ports;
  const progress = session.ports.onProgress;
  const running = new Map<string, AbortController>();
  const cancellable = async <T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const controller = new AbortController();
    running.set(jobId, controller);
    try {
      return await work(controller.signal);
    } finally {
      running.delete(jobId);
    }
  };

  /** An import job: cancellable, on the project's file while the session's own connection is released. */
  const importJob = <K extends 'import' | 'document'>(
    name: K,
    jobId: string | undefined,
    input: (projectPath: string, passphrase: string) => JobInput<K>,
  ): Promise<JobOutput<K>> => {
    const passphrase = session.requirePassphrase();
    const key = session.requireJobKey();
    const id = jobId ?? session.newJobId();
    return cancellable(id, (signal) =>
      session.whileReleased(
        (projectPath) => runJob(name, input(projectPath, key), { jobId: id, onProgress: progress, signal }),
        passphrase,
        key,
      ),
    );
  };

  return {
    'project.status': async () => session.status(),

    'project.recent': async () => {
      const recent = session.recent.list();
      for (const entry of recent) session.grant(entry.path);
      return recent;
    },

    'project.checkPassphrase': async ({ passphrase }) => checkPassphrase(passphrase),

    'project.choosePath': async ({ purpose }) => {
      const chosen = await session.ports.choosePath(purpose);
      return { path: chosen === null ? null : session.grant(chosen) };
    },

    'project.create': async ({ path, passphrase }) =>
      session.create(session.requireGranted(path), passphrase),

    'project.open': async ({ path, passphrase }) => session.open(session.requireGranted(path), passphrase),

    'project.lock': async () => session.lock(),

    'project.changePassphrase': async ({ current, next, jobId }) => {
      if (current !== session.requirePassphrase()) {
        throw new ConfidantError(
          'WRONG_PASSPHRASE',
          'The current passphrase is not right. Nothing was changed.',
        );
      }
      requireAcceptablePassphrase(next);
      return session.whileReleased(
        (path) =>
          runJob(
            'changePassphrase',
            { path, current, next, actor },
            { jobId: jobId ?? session.newJobId(), onProgress: progress },
          ),
        next,
      );
    },

    'project.backup': async ({ destination, jobId }) => {
      const project = session.requireProject();
      return runJob(
        'backup',
        {
          path: project.path,
          passphrase: session.requirePassphrase(),
          destination: session.requireGranted(destination),
          actor,
        },
        { jobId: jobId ?? session.newJobId(), onProgress: progress },
      );
    },

    'project.info': async () => projectInfo(session.requireProject()),

    'project.audit': async ({ offset, limit, actions }) =>
      readAudit(session.requireProject().db, offset, limit, actions),

    'import.preview': async ({ source, options }) => {
      session.requireProject();
      const preview = await previewSource(session.requireGranted(source), options);
      return { ...preview, savedMapping: findSavedMapping(session.requireProject().db, preview.header) };
    },

    'import.targets': async () => importTargets(session.requireProject().db),

    'import.saveMapping': async (mapping) => ({
      saved: true,
      signature: saveMapping(session.requireProject().db, mapping, actor),
    }),

    'import.commit': async ({ source, plan, jobId, dryRun }) => {
      const vault = plan.kind === 'roster' ? session.vaultForJob() : undefined;
      const file = session.requireGranted(source);
      requirePlanFitsKind(plan, file);
      return importJob('import', jobId, (projectPath, passphrase) => ({
        projectPath,
        passphrase,
        source: file,
        plan,
        actor,
        dryRun,
        vault,
      }));
    },

    'import.cancel': async ({ jobId }) => {
      const job = running.get(jobId);
      job?.abort();
      return { cancelled: job !== undefined };
    },

    // Transcripts, journals and mentor notes (shared/documentImport.ts)
    'import.previewDocument': async ({ source }) =>
      previewDocument(session.requireGranted(source), session.requireProject().db),

    'import.document': async ({ source, jobId, ...details }) => {
      const file = session.requireGranted(source);
      return importJob('document', jobId, (projectPath, passphrase) => ({
        projectPath,
        passphrase,
        source: file,
        actor,
        ...details,
      }));
    },

    'data.tables': async () => ({ tables: listTables(session.requireProject().db) }),

    'data.rows': async (query) => readRows(session.requireProject().db, query),

    'data.imports': async () => ({ imports: listImports(session.requireProject().db) }),

    'data.previewImportRemoval': async ({ importId }) =>
      previewImportRemoval(session.requireProject().db, importId),

    'data.removeImport': async ({ importId }) => removeImport(session.requireProject().db, importId, actor),

    'anonymize.settings': async () => readAnonymisationSettings(session.requireProject().db),

    'anonymize.saveSettings': async (settings) =>
      saveAnonymisationSettings(session.requireProject().db, settings, actor),

    // Disclosure risk and generalisation of participants' quasi-identifiers; names and id masks to look for.
    'anonymize.risk': async ({ quasiIdentifiers }) =>
      riskReport(session.requireProject().db, quasiIdentifiers),

    'anonymize.previewGeneralisation': async ({ attribute, rule, quasiIdentifiers }) =>
      previewGeneralisation(session.requireProject().db, attribute, rule, quasiIdentifiers),

    'anonymize.generalise': async ({ attribute, rule, quasiIdentifiers }) =>
      generaliseAttribute(session.requireProject().db, attribute, rule, quasiIdentifiers, actor),

    'anonymize.nameCounts': async () => nameWordCounts(session.requireProject().db),

    'anonymize.addNames': async ({ names }) => {
      const { db } = session.requireProject();
      return { newWords: recordOtherNames(db, names, actor), counts: nameWordCounts(db) };
    },

    'anonymize.tryMask': async ({ mask, sample }) => ({
      found: detectIdentifierMasks(sample, [{ mask }]).map((found) => sample.slice(found.start, found.end)),
    }),
    // The redaction review (shared/redaction.ts)
    'anonymize.documents': async () => ({ documents: listDocumentsForReview(session.requireProject().db) }),

    'anonymize.document': async ({ documentId }) =>
      readDocumentForReview(session.requireProject().db, documentId),

    'anonymize.decide': async (decision) => decideFindings(session.requireProject().db, decision, actor),

    'anonymize.addFinding': async (span) => addFinding(session.requireProject().db, span, actor),

    'anonymize.preview': async ({ documentId, operators }) =>
      previewReview(session.requireProject().db, documentId, operators),

    'anonymize.apply': async (review) => applyReview(session.requireProject().db, review, actor),

    'anonymize.rescan': async () => rescanAwaitingDocuments(session.requireProject().db, actor),

    // The re-identification vault (shared/vault.ts): held by the session beside the project, never persisted.
    'vault.status': async () => session.vaultStatus(),

    'vault.create': async ({ path, passphrase }) => {
      const status = session.createVault(session.requireGranted(path), passphrase);
      appendAudit(session.requireProject().db, { actor, action: 'vault.create', objectType: 'vault' });
      return status;
    },

    'vault.open': async ({ path, passphrase }) => {
      const status = await session.openVault(session.requireGranted(path), passphrase);
      appendAudit(session.requireProject().db, { actor, action: 'vault.open', objectType: 'vault' });
      return status;
    },

    'vault.close': async () => {
      const wasOpen = session.vaultStatus().state === 'open';
      const status = session.closeVault();
      if (wasOpen)
        appendAudit(session.requireProject().db, { actor, action: 'vault.close', objectType: 'vault' });
      return status;
    },

    'vault.lookup': async ({ pseudonym }) =>
      lookUpPseudonym(session.requireVault(), session.requireProject().db, pseudonym, actor),

    'project.setAutoLock': async ({ minutes }) => {
      session.setAutoLockMinutes(minutes);
      appendAudit(session.requireProject().db, {
        actor,
        action: 'project.setAutoLock',
        objectType: 'project',
        detail: { minutes },
      });
      return session.status();
    },
  };
}
