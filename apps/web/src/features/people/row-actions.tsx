import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  ChangeUserRoleDocument,
  DisableUserDocument,
  EnableUserDocument,
  MemberMunicipalityOptionsDocument,
  type PersonRowFragment,
  type Role,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { ConfirmDialog } from '../../shared/confirm-dialog';
import { roleLabel } from '../../shared/domain-labels';
import { apiProblem, problemMessage } from '../../shared/errors';
import { SelectField } from '../../shared/form-fields';
import { buttonSmallOutline } from '../../shared/ui-classes';
import { municipalityName } from '../municipalities/labels';
import { FormDialog } from '../../shared/form-dialog';
import { accountActionMessage, ROLES } from './people-labels';

/** 無効にする / 有効にする and 役割を変更, for one account, by the staff. */
export function RowActions({
  person,
  isAdmin,
  onDone,
  onError,
}: {
  person: PersonRowFragment;
  isAdmin: boolean;
  onDone: (message: string) => void;
  /** A refusal of disable/enable, said on the page once the dialog has closed. */
  onError: (message: string) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [pending, setPending] = useState<'disable' | 'enable' | 'role'>();
  const [error, setError] = useState<string>();
  const [role, setRole] = useState<Role>(person.role);
  const [municipalityCode, setMunicipalityCode] = useState(person.municipality?.code ?? '');
  const [disable, disableState] = useMutation(DisableUserDocument);
  const [enable, enableState] = useMutation(EnableUserDocument);
  const [changeRole, roleState] = useMutation(ChangeUserRoleDocument);
  const { data: options } = useQuery(MemberMunicipalityOptionsDocument, { skip: pending !== 'role' });
  const busy = disableState.loading || enableState.loading || roleState.loading;
  const name = person.name;
  // Only an admin makes or unmakes admins.
  const canChangeRole = isAdmin || person.role !== 'ADMIN';

  function fail(caught: unknown) {
    const problem = apiProblem(caught);
    const message = accountActionMessage(problem, t) ?? problemMessage(problem, t);
    if (pending === 'role') {
      setError(message);
    } else {
      setPending(undefined);
      onError(message);
    }
  }

  async function confirm() {
    setError(undefined);
    try {
      if (pending === 'disable') {
        await disable({ variables: { id: person.id } });
        onDone(t('people.disabled', { name }));
      } else if (pending === 'enable') {
        await enable({ variables: { id: person.id } });
        onDone(t('people.enabled', { name }));
      } else if (pending === 'role') {
        if (role === 'OFFICER' && !municipalityCode) {
          setError(t('people.municipalityRequired'));
          return;
        }
        await changeRole({
          variables: { id: person.id, role, municipalityCode: role === 'OFFICER' ? municipalityCode : null },
        });
        onDone(t('people.roleChanged', { name, role: roleLabel(role, language) }));
      }
      setPending(undefined);
    } catch (caught) {
      fail(caught);
    }
  }

  const cancel = () => {
    setPending(undefined);
    setError(undefined);
  };
  const municipalityOptions = (options?.municipalities.edges ?? []).map(({ node }) => ({
    value: node.code,
    label: municipalityName(node, language),
  }));
  if (person.municipality && !municipalityOptions.some((o) => o.value === person.municipality?.code)) {
    municipalityOptions.unshift({
      value: person.municipality.code,
      label: municipalityName(person.municipality, language),
    });
  }

  return (
    <div className="flex flex-wrap gap-2">
      {person.status === 'ACTIVE' ? (
        <button type="button" className={buttonSmallOutline} onClick={() => setPending('disable')}>
          {t('people.disable')}
          <span className="sr-only">{t('people.forPerson', { name })}</span>
        </button>
      ) : (
        <button type="button" className={buttonSmallOutline} onClick={() => setPending('enable')}>
          {t('people.enable')}
          <span className="sr-only">{t('people.forPerson', { name })}</span>
        </button>
      )}
      {canChangeRole && (
        <button
          type="button"
          className={buttonSmallOutline}
          onClick={() => {
            setRole(person.role);
            setMunicipalityCode(person.municipality?.code ?? '');
            setPending('role');
          }}
        >
          {t('people.changeRole')}
          <span className="sr-only">{t('people.forPerson', { name })}</span>
        </button>
      )}
      <ConfirmDialog
        open={pending === 'disable'}
        title={t('people.disableTitle', { name })}
        body={t('people.disableBody', { name })}
        confirmLabel={busy ? t('people.processing') : t('people.disableConfirm')}
        cancelLabel={t('common.back')}
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={cancel}
      />
      <ConfirmDialog
        open={pending === 'enable'}
        title={t('people.enableTitle', { name })}
        body={t('people.enableBody', { name })}
        confirmLabel={busy ? t('people.processing') : t('people.enableConfirm')}
        cancelLabel={t('common.back')}
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={cancel}
      />
      <FormDialog
        open={pending === 'role'}
        title={t('people.changeRoleTitle', { name })}
        description={t('people.changeRoleBody')}
        submitLabel={busy ? t('people.processing') : t('people.changeRoleConfirm')}
        cancelLabel={t('common.back')}
        busy={busy}
        error={error}
        onSubmit={() => void confirm()}
        onCancel={cancel}
      >
        <SelectField
          id={`role-${person.id}`}
          label={t('people.role')}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          options={ROLES.filter((r) => isAdmin || r !== 'ADMIN').map((r) => ({
            value: r,
            label: roleLabel(r, language),
          }))}
        />
        {role === 'OFFICER' && (
          <SelectField
            id={`role-municipality-${person.id}`}
            label={t('people.municipality')}
            hint={t('people.municipalityMemberHint')}
            value={municipalityCode}
            onChange={(event) => setMunicipalityCode(event.target.value)}
            options={[{ value: '', label: t('precedents.municipalityNone') }, ...municipalityOptions]}
          />
        )}
      </FormDialog>
    </div>
  );
}
