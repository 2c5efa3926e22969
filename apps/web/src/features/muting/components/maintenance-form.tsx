import { useState, type FormEvent } from 'react';
import type { CreateMaintenanceWindowInput, MaintenanceWindowView } from '@fleet/telemetry/api/muting';
import { TextField } from '../../../components/form-field';
import { useI18n } from '../../../lib/i18n/i18n-provider';
import { useSaveMaintenanceWindow } from '../api/maintenance-windows';
import { fromLocalInput, toLocalInput } from './local-input';
import { mutingFormErrors } from './muting-errors';
import { FormFooter } from '../../../components/form-footer';
import { EMPTY_PLACE, PlaceFields, placeOf, type PlaceDraft } from './place-fields';
import { ScheduleFields, type ScheduleDraft } from './schedule-fields';

const HOUR = 3_600_000;
const FIELDS = [
  'scope',
  'scope.terminalId',
  'scope.region',
  'scope.mccMnc',
  'scope.merchantId',
  'schedule',
  'schedule.startsAt',
  'schedule.endsAt',
  'schedule.days',
  'schedule.start',
  'schedule.durationMinutes',
  'comment',
];

function scheduleDraftOf(window?: MaintenanceWindowView): ScheduleDraft {
  const now = Date.now();
  const draft: ScheduleDraft = {
    kind: 'once',
    startsAt: toLocalInput(now + HOUR),
    endsAt: toLocalInput(now + 3 * HOUR),
    days: [],
    start: '02:00',
    durationMinutes: '120',
  };
  const schedule = window?.schedule;
  if (schedule?.kind === 'once')
    return {
      ...draft,
      startsAt: toLocalInput(Date.parse(schedule.startsAt)),
      endsAt: toLocalInput(Date.parse(schedule.endsAt)),
    };
  if (schedule?.kind === 'weekly')
    return { ...draft, ...schedule, kind: 'weekly', durationMinutes: String(schedule.durationMinutes) };
  return draft;
}

/** What the API takes; a blank or unreadable number goes as typed so the API names the field. */
function scheduleOf(draft: ScheduleDraft): CreateMaintenanceWindowInput['schedule'] {
  if (draft.kind === 'once')
    return { kind: 'once', startsAt: fromLocalInput(draft.startsAt), endsAt: fromLocalInput(draft.endsAt) };
  const minutes = Number(draft.durationMinutes);
  return {
    kind: 'weekly',
    days: draft.days,
    start: draft.start,
    durationMinutes: draft.durationMinutes.trim() === '' || Number.isNaN(minutes) ? Number.NaN : minutes,
  };
}

interface MaintenanceFormProps {
  /** Absent: a new window. */
  window?: MaintenanceWindowView;
  onDone: () => void;
  onCancel: () => void;
}

/** Where (every filled-in one must match), when (once or weekly, China time) and why. */
export function MaintenanceForm({ window, onDone, onCancel }: MaintenanceFormProps) {
  const { t } = useI18n();
  const save = useSaveMaintenanceWindow();
  const [scope, setScope] = useState<PlaceDraft>({ ...EMPTY_PLACE, ...window?.scope });
  const [schedule, setSchedule] = useState(() => scheduleDraftOf(window));
  const [comment, setComment] = useState(window?.comment ?? '');
  const errors = mutingFormErrors(save.error, FIELDS);
  const title = window ? t('maintenance.formEdit') : t('maintenance.formNew');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = { scope: placeOf(scope), schedule: scheduleOf(schedule), comment };
    save.mutate({ input, id: window?.id }, { onSuccess: onDone });
  };

  return (
    <form className="panel muting-form" aria-label={title} onSubmit={submit}>
      <h2 className="panel__title">{title}</h2>
      <fieldset className="muting-form__group">
        <legend>{t('maintenance.scope')}</legend>
        <p className={errors.byField.scope ? 'field__error' : 'field__hint'}>
          {errors.byField.scope ?? t('muting.matchHint')}
        </p>
        <div className="muting-form__grid">
          <PlaceFields value={scope} onChange={setScope} errors={errors.byField} prefix="scope" />
        </div>
      </fieldset>
      <ScheduleFields value={schedule} onChange={setSchedule} errors={errors.byField} />
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
        submitLabel={t('maintenance.save')}
        pending={save.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
