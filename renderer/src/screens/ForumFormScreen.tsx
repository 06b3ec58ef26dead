import { useTranslation } from 'react-i18next';
import type { Forum, ForumInput } from '../../../shared/forum';
import type { Result } from '../../../shared/result';
import { api } from '../api/plenaryApi';
import { ErrorMessage } from '../components/ErrorMessage';
import { ForumForm } from '../components/ForumForm';
import { useApiQuery } from '../hooks/useApiQuery';
import { useForumRoles } from '../hooks/useForumRoles';
import { RoleNotice } from '../components/RoleGate';
import { navigate } from '../hooks/useRoute';
import { forumValues, newForumValues, type ForumFormValues } from '../forms/forumFormValues';

/** Create a forum, or edit one when an id is given. */
export function ForumFormScreen({ forumId }: { forumId?: string }) {
  const { i18n } = useTranslation();
  if (forumId) return <EditForum forumId={forumId} />;
  return (
    <FormShell
      defaults={newForumValues(i18n.language)}
      save={(values) => api['forums:create'](values)}
      cancelTo={() => navigate({ name: 'home' })}
    />
  );
}

function EditForum({ forumId }: { forumId: string }) {
  const { t } = useTranslation();
  const existing = useApiQuery('forums:get', { id: forumId });
  if (existing.error) return <ErrorMessage error={existing.error} />;
  if (!existing.data) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <FormShell
      forumId={forumId}
      defaults={forumValues(existing.data)}
      save={(values) => api['forums:update']({ id: forumId, forum: values })}
      cancelTo={() => navigate({ name: 'forum', id: forumId })}
    />
  );
}

interface ShellProps {
  forumId?: string;
  defaults: ForumFormValues;
  save(values: ForumInput): Promise<Result<Forum>>;
  cancelTo(): void;
}

function FormShell({ forumId, defaults, save, cancelTo }: ShellProps) {
  const { t } = useTranslation();
  const onSave = async (values: ForumInput) => {
    const result = await save(values);
    if (result.ok) navigate({ name: 'forum', id: result.value.id });
    return result;
  };
  return (
    <section aria-labelledby="forum-form-heading">
      <h1 id="forum-form-heading">{forumId ? t('forumForm.editTitle') : t('forumForm.newTitle')}</h1>
      {forumId && <ForumRoleNotice forumId={forumId} />}
      <ForumForm defaultValues={defaults} onSave={onSave} onCancel={cancelTo} />
    </section>
  );
}

function ForumRoleNotice({ forumId }: { forumId: string }) {
  return <RoleNotice permission={useForumRoles(forumId).can('forums', ['title'])} />;
}
