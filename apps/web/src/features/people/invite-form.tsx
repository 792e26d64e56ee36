import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import {
  InviteUserDocument,
  PendingInvitationsDocument,
  type PrecedentMunicipalityFragment,
  type Role,
} from '../../graphql/generated/graphql';
import { currentLanguage } from '../../i18n/i18n';
import { roleLabel } from '../../shared/domain-labels';
import { apiProblem, problemMessage } from '../../shared/errors';
import { SelectField, TextField } from '../../shared/form-fields';
import { ErrorNotice, SuccessNotice } from '../../shared/status';
import { buttonSolid, sectionTitle } from '../../shared/ui-classes';
import type { CurrentUser } from '../auth/use-current-user';
import { municipalityName } from '../municipalities/labels';
import { ErrorSummary, type FieldError } from '../../shared/error-summary';
import { MunicipalityPicker } from '../precedents/municipality-picker';
import { ROLES } from './people-labels';

type Field = 'email' | 'role' | 'municipality' | 'name';
const FIELDS: readonly Field[] = ['email', 'role', 'municipality', 'name'];
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * 招待する. The staff invite officers (of a member municipality), organisers, and (an admin) admins; an
 * officer invites a colleague of their own municipality.
 */
export function InviteForm({ me, staff }: { me: CurrentUser; staff: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('OFFICER');
  const [municipality, setMunicipality] = useState<PrecedentMunicipalityFragment | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<unknown>();
  const [sent, setSent] = useState<string | null>(null);
  const [invite, { loading }] = useMutation(InviteUserDocument, {
    refetchQueries: [PendingInvitationsDocument],
  });
  const roles = ROLES.filter((r) => me.role === 'ADMIN' || r !== 'ADMIN');

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(undefined);
    setSent(null);
    const found: Partial<Record<Field, string>> = {};
    const address = email.trim();
    if (!address) found.email = t('login.emailRequired');
    else if (!EMAIL_PATTERN.test(address)) found.email = t('login.emailInvalid');
    if (staff && role === 'OFFICER') {
      if (!municipality) found.municipality = t('people.municipalityRequired');
      else if (municipality.membershipStatus !== 'MEMBER')
        found.municipality = t('people.municipalityNotMember', {
          name: municipalityName(municipality, language),
        });
    }
    if ([...name.trim()].length > 100)
      found.name = t('invite.tooLong', { field: t('people.inviteName'), max: 100 });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (Object.keys(found).length) return;
    try {
      await invite({
        variables: {
          input: {
            email: address,
            role: staff ? role : 'OFFICER',
            municipalityCode: staff
              ? role === 'OFFICER'
                ? municipality?.code
                : undefined
              : me.municipality?.code,
            name: name.trim() || undefined,
          },
        },
      });
      setSent(t('people.invited', { email: address }));
      setEmail('');
      setName('');
    } catch (caught) {
      const problem = apiProblem(caught);
      const field = problem.field?.split('.').pop();
      if (field === 'email' && problem.code === 'CONFLICT') found.email = t('people.emailTaken');
      else if (field === 'email' && problem.reason && /DOMAIN/.test(problem.reason))
        found.email = t('people.emailDomain');
      else if (field === 'email') found.email = `${t('login.email')}：${problemMessage(problem, t)}`;
      else if (field === 'municipalityCode')
        found.municipality = `${t('people.municipality')}：${problemMessage(problem, t)}`;
      else if (field === 'name') found.name = `${t('people.inviteName')}：${problemMessage(problem, t)}`;
      else if (field === 'role') found.role = `${t('people.role')}：${problemMessage(problem, t)}`;
      if (Object.keys(found).length) {
        setErrors(found);
        setAttempt((n) => n + 1);
      } else setFailure(caught);
    }
  }

  const summary: FieldError[] = FIELDS.filter((field) => errors[field]).map((field) => ({
    fieldId: field === 'municipality' ? 'invite-municipality' : `invite-${field}`,
    message: errors[field] ?? '',
  }));

  return (
    <section
      aria-labelledby="invite-heading"
      className="mt-10 rounded-12 border-2 border-blue-900 p-4 md:p-6"
    >
      <h2 id="invite-heading" className={sectionTitle}>
        {staff ? t('people.inviteHeading') : t('people.inviteColleagueHeading')}
      </h2>
      <p className="mt-2 text-std-16N-170">
        {staff
          ? t('people.inviteLead')
          : t('people.inviteColleagueLead', {
              municipality: me.municipality ? municipalityName(me.municipality, language) : '',
            })}
      </p>
      <SuccessNotice message={sent} onClose={() => setSent(null)} />
      <div className="mt-4">
        <ErrorSummary errors={summary} attempt={attempt} />
        {failure !== undefined && <ErrorNotice error={failure} />}
        <form className="flex max-w-2xl flex-col gap-6" noValidate onSubmit={(event) => void onSubmit(event)}>
          <TextField
            id="invite-email"
            label={t('login.email')}
            hint={t('people.inviteEmailHint')}
            error={errors.email}
            required
            type="email"
            name="email"
            autoComplete="off"
            inputMode="email"
            spellCheck={false}
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
          {staff && (
            <SelectField
              id="invite-role"
              label={t('people.role')}
              hint={t('people.roleHint')}
              value={role}
              onChange={(event) => setRole(event.target.value as Role)}
              options={roles.map((r) => ({ value: r, label: roleLabel(r, language) }))}
            />
          )}
          {staff && role === 'OFFICER' && (
            <MunicipalityPicker
              selectId="invite-municipality"
              legend={t('people.municipality')}
              hint={t('people.municipalityMemberHint')}
              selected={municipality}
              onSelect={setMunicipality}
              error={errors.municipality}
            />
          )}
          <TextField
            id="invite-name"
            label={t('people.inviteName')}
            hint={t('people.inviteNameHint')}
            error={errors.name}
            autoComplete="off"
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <div>
            <button type="submit" className={buttonSolid} disabled={loading} aria-busy={loading || undefined}>
              {loading ? t('people.inviting') : t('people.inviteSubmit')}
            </button>
          </div>
        </form>
      </div>
    </section>
  );
}
