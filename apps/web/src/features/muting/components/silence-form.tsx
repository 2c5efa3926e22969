import { useState, type FormEvent } from 'react';
import { CAUSE_CODES, type CauseCode } from '@fleet/telemetry/causes';
import type { SilenceView } from '@fleet/telemetry/api/muting';
import { FormField, TextField } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import type { SilencePrefill } from '../../../lib/router/routes';
import { useCreateSilence } from '../api/silences';
import { fromLocalInput, toLocalInput } from './local-input';
import { mutingFormErrors } from './muting-errors';
import { FormFooter } from '../../../components/form-footer';
import { EMPTY_PLACE, PlaceFields, placeOf, type PlaceDraft } from './place-fields';

const HOUR = 3_600_000;
const SPANS = { '1h': HOUR, '4h': 4 * HOUR, '1d': 24 * HOUR } as const;
type Span = keyof typeof SPANS | 'custom';
const FIELDS = [
  'matchers',
  'matchers.code',
  'matchers.terminalId',
  'matchers.region',
  'matchers.mccMnc',
  'matchers.merchantId',
  'endsAt',
  'comment',
];

const isCause = (code: string | undefined): code is CauseCode =>
  (CAUSE_CODES as readonly string[]).includes(code ?? '');

interface SilenceFormProps {
  prefill: SilencePrefill;
  onDone: (silence: SilenceView) => void;
  onCancel: () => void;
}

/** Matchers (every one filled in must match), an end (1 h, 4 h, 1 d or a chosen time) and why. */
export function SilenceForm({ prefill, onDone, onCancel }: SilenceFormProps) {
  const { t } = useI18n();
  const create = useCreateSilence();
  const [code, setCode] = useState<CauseCode | ''>(isCause(prefill.code) ? prefill.code : '');
  const [place, setPlace] = useState<PlaceDraft>({
    ...EMPTY_PLACE,
    ...placeOf({ ...EMPTY_PLACE, ...prefill }),
  });
  const [span, setSpan] = useState<Span>('1h');
  const [until, setUntil] = useState(() => toLocalInput(Date.now() + 2 * HOUR));
  const [comment, setComment] = useState('');
  const errors = mutingFormErrors(create.error, FIELDS);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const endsAt =
      span === 'custom' ? fromLocalInput(until) : new Date(Date.now() + SPANS[span]).toISOString();
    const matchers = { ...(code ? { code } : {}), ...placeOf(place) };
    create.mutate({ matchers, endsAt, comment }, { onSuccess: onDone });
  };

  return (
    <form className="panel muting-form" aria-label={t('silences.formTitle')} onSubmit={submit}>
      <h2 className="panel__title">{t('silences.formTitle')}</h2>
      <fieldset className="muting-form__group">
        <legend>{t('silences.matchers')}</legend>
        <p className={errors.byField.matchers ? 'field__error' : 'field__hint'}>
          {errors.byField.matchers ?? t('muting.matchHint')}
        </p>
        <div className="muting-form__grid">
          <FormField label={t('muting.code')} error={errors.byField['matchers.code']}>
            {(props) => (
              <select {...props} value={code} onChange={(e) => setCode(e.target.value as CauseCode | '')}>
                <option value="">{t('muting.anyCause')}</option>
                {CAUSE_CODES.map((c) => (
                  <option key={c} value={c}>
                    {t(`cause.${c}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <PlaceFields value={place} onChange={setPlace} errors={errors.byField} prefix="matchers" />
        </div>
      </fieldset>
      <fieldset className="muting-form__group">
        <legend>{t('silences.for')}</legend>
        <div className="muting-form__choices">
          {(['1h', '4h', '1d', 'custom'] as const).map((choice) => (
            <label key={choice} className="field--inline">
              <input
                type="radio"
                name="silence-span"
                checked={span === choice}
                onChange={() => setSpan(choice)}
              />
              {t(`silences.for.${choice}`)}
            </label>
          ))}
        </div>
        {span === 'custom' ? (
          <TextField
            type="datetime-local"
            label={t('silences.endsAt')}
            value={until}
            error={errors.byField.endsAt}
            onChange={setUntil}
          />
        ) : errors.byField.endsAt ? (
          <p className="field__error">{errors.byField.endsAt}</p>
        ) : null}
      </fieldset>
      <TextField
        label={t('muting.comment')}
        hint={t('muting.commentHint')}
        value={comment}
        error={errors.byField.comment}
        onChange={setComment}
      />
      <FormFooter
        actionsClassName="muting-form__actions"
        error={errors.general}
        submitLabel={t('silences.create')}
        pending={create.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
