import type { ProjectStatus } from '../../shared/project';
import { ScreenHeading } from '../components/ScreenHeading';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import type { OpenProject } from '../navigation';
import { AutoLockSetting } from './security/AutoLockSetting';
import { BackupProject } from './security/BackupProject';
import { ChangePassphrase } from './security/ChangePassphrase';
import { EncryptionDetails } from './security/EncryptionDetails';

/** The project's protection: its passphrase, when it locks itself, backups, and how it is encrypted. */
export function SecuritySettings({
  project,
  onStatus,
}: {
  project: OpenProject;
  onStatus: (status: ProjectStatus) => void;
}) {
  useDocumentTitle('Security');
  return (
    <section className="area" aria-labelledby="security-heading">
      <ScreenHeading id="security-heading">Security</ScreenHeading>
      <p className="lead">How this project is protected on this computer.</p>
      <ChangePassphrase />
      <AutoLockSetting minutes={project.autoLockMinutes} onStatus={onStatus} />
      <BackupProject />
      <EncryptionDetails />
    </section>
  );
}
