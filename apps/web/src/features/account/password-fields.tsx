import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../shared/form-fields';
import { PASSWORD_MIN } from './password-rules';

/**
 * A new password and its confirmation, with the rules said before anyone gets them wrong and one
 * 「パスワードを表示する」 for both fields.
 */
export function NewPasswordFields({
  idPrefix,
  email,
  password,
  confirmation,
  onPassword,
  onConfirmation,
  passwordError,
  confirmationError,
  label,
}: {
  idPrefix: string;
  email?: string;
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  passwordError?: string;
  confirmationError?: string;
  label?: string;
}) {
  const { t } = useTranslation();
  const [show, setShow] = useState(false);
  const local = (email ?? '').split('@')[0] ?? '';
  return (
    <div className="flex flex-col gap-6">
      <TextField
        id={`${idPrefix}-password`}
        label={label ?? t('password.new')}
        hint={
          local.length >= 3
            ? t('password.rulesWithEmail', { min: PASSWORD_MIN, local })
            : t('password.rules', { min: PASSWORD_MIN })
        }
        error={passwordError}
        required
        type={show ? 'text' : 'password'}
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => onPassword(event.target.value)}
      />
      <div className="flex flex-col gap-2">
        <TextField
          id={`${idPrefix}-confirmation`}
          label={t('password.confirm')}
          hint={t('password.confirmHint')}
          error={confirmationError}
          required
          type={show ? 'text' : 'password'}
          name="confirm-password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(event) => onConfirmation(event.target.value)}
        />
        <label className="inline-flex min-h-11 items-center gap-2 text-std-16N-170">
          <input
            type="checkbox"
            className="size-5 accent-blue-900"
            checked={show}
            onChange={(event) => setShow(event.target.checked)}
          />
          {t('password.show')}
        </label>
      </div>
    </div>
  );
}
