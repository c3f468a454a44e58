import { useEffect, useState } from 'react';
import type { FieldProblem } from '../../../core/kernel/formFields.js';
import type { TaskItem, TuiData } from '../data/TuiData.js';
import { validateForm } from '../../../core/kernel/formFields.js';

/**
 * The validator of the open task: the form's own rules at once, then the task type's
 * rules against the instance once its context is read. Validation runs on every change
 * of the draft, so problems show as one types.
 */
export function useTaskValidator(data: TuiData, task: TaskItem | undefined, onError: (error: unknown) => void): (draft: Record<string, unknown>) => FieldProblem[] {
  const [full, setFull] = useState<{ id: string; check: (d: Record<string, unknown>) => FieldProblem[] } | undefined>(undefined);
  useEffect(() => {
    if (!task) return;
    let live = true;
    data.taskValidator(task).then((check) => live && setFull({ id: task.instanceId, check }), (e: unknown) => live && onError(e));
    return () => {
      live = false;
    };
  }, [data, task, onError]);
  if (full && task && full.id === task.instanceId) return full.check;
  return (draft) => (task?.form ? validateForm(task.form, draft) : []);
}
