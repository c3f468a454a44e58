import { useMemo } from 'react';
import type { Language, Localized } from '../../../core/i18n/Localized.js';
import { validateForm, type FieldProblem, type FormSpec } from '../../../core/kernel/formFields.js';
import type { OfficeRights, TaskItem, TuiData } from '../data/TuiData.js';
import type { Translate } from '../i18n/tuiText.js';
import { OPEN_FINDING_FORM } from '../model/openFindingForm.js';
import type { TasksUi } from '../model/uiState.js';
import { useTaskValidator } from './useTaskForm.js';

/**
 * The form open on the tasks screen, whatever it answers or starts: its title, what it
 * is about, its declarative form, its validator, and how it is sent (the message to show
 * once it is). One renderer (TaskFormView) and one set of keys serve them all.
 */
export interface OpenForm {
  readonly title: string;
  readonly context: readonly { readonly label: Localized; readonly value: string }[];
  readonly spec: FormSpec | null;
  validate(draft: Record<string, unknown>): FieldProblem[];
  submit(data: Record<string, unknown>): Promise<string>;
}

/**
 * The open form: a task's step form (sent to the instance at the revision it was opened
 * at), a finding opened by hand (through FindingService), or a chain's input (started
 * through the engine as `duban run` does). Undefined when none is open or its task or
 * chain is not (yet) listed.
 */
export function useOpenForm(
  data: TuiData,
  ui: TasksUi,
  lists: { readonly tasks: readonly TaskItem[] | undefined; readonly rights: OfficeRights | undefined },
  look: { readonly t: Translate; readonly lang: Language },
  onError: (error: unknown) => void,
): OpenForm | undefined {
  const task = ui.open ? lists.tasks?.find((item) => item.instanceId === ui.open) : undefined;
  const validateTask = useTaskValidator(data, task, onError);
  const { t, lang } = look;
  const start = ui.start;
  const chain = start?.kind === 'chain' ? lists.rights?.chains.find((c) => c.id === start.chainId) : undefined;
  return useMemo<OpenForm | undefined>(() => {
    if (task) {
      return {
        title: t('tasks.formTitle', { task: task.taskTitle[lang], id: task.instanceId }),
        context: task.context,
        spec: task.form,
        validate: validateTask,
        submit: async (values) => {
          await data.submitTask(task, values);
          return t('result.taskSubmitted', { id: task.instanceId });
        },
      };
    }
    if (start?.kind === 'finding') {
      return {
        title: t('start.findingTitle'),
        context: [],
        spec: OPEN_FINDING_FORM,
        validate: (values) => validateForm(OPEN_FINDING_FORM, values),
        submit: async (values) => t('start.findingOpened', { id: await data.openFinding(values) }),
      };
    }
    if (chain) {
      return {
        title: t('start.chainTitle', { chain: chain.title[lang] }),
        context: [],
        spec: chain.input,
        validate: (values) => validateForm(chain.input, values),
        submit: async (values) => t('start.chainStarted', { chain: chain.title[lang], id: await data.startChain(chain, values) }),
      };
    }
    return undefined;
  }, [task, start, chain, validateTask, data, t, lang]);
}
