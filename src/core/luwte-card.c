/* luwte-card.c — the intervention card: groups and interventions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-card"

#include "config.h"

#include "luwte-card-private.h"
#include "luwte-data-resources.h"

#include <glib/gi18n-lib.h>
#include <string.h>

G_DEFINE_QUARK (luwte-card-error-quark, luwte_card_error)

G_DEFINE_FINAL_TYPE (LuwteCardIntervention, luwte_card_intervention, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (LuwteCardGroup, luwte_card_group, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (LuwteCard, luwte_card, G_TYPE_OBJECT)

/* The card JSON is small; anything much bigger is not a card. */
#define CARD_MAX_BYTES (4 * 1024 * 1024)

LuwteLocalized *
luwte_localized_new_copy (const LuwteLocalized *text)
{
  LuwteLocalized *copy = g_new0 (LuwteLocalized, 1);

  copy->nl = g_strdup (text->nl);
  copy->en = g_strdup (text->en);
  return copy;
}

void
luwte_localized_free (LuwteLocalized *text)
{
  luwte_localized_clear (text);
  g_free (text);
}

void
luwte_legal_basis_free (LuwteLegalBasis *basis)
{
  g_free (basis->article);
  luwte_localized_clear (&basis->summary);
  g_free (basis);
}

/**
 * luwte_card_source_describe:
 *
 * Returns: (transfer full): the source in one line, "title — reference",
 *   or one of the two where the other says nothing more (a reference that
 *   starts with the title, a title that holds the reference)
 */
char *
luwte_card_source_describe (const LuwteCardSource *source,
                            LuwteLanguage          language)
{
  const char *title = luwte_localized_get (&source->title, language);

  if (source->reference == NULL || *source->reference == '\0')
    return g_strdup (title != NULL ? title : "");
  if (title == NULL || *title == '\0' || g_str_has_prefix (source->reference, title))
    return g_strdup (source->reference);
  if (strstr (title, source->reference) != NULL)
    return g_strdup (title);
  return g_strdup_printf ("%s — %s", title, source->reference);
}

void
luwte_card_source_free (LuwteCardSource *source)
{
  luwte_localized_clear (&source->title);
  g_free (source->reference);
  g_free (source);
}

void
luwte_card_example_free (LuwteCardExample *example)
{
  luwte_localized_clear (&example->title);
  g_free (example->url);
  g_free (example);
}

/* LuwteCardIntervention */

static void
luwte_card_intervention_finalize (GObject *object)
{
  LuwteCardIntervention *self = (LuwteCardIntervention *) object;

  g_free (self->id);
  luwte_localized_clear (&self->title);
  luwte_localized_clear (&self->description);
  luwte_localized_clear (&self->decides);
  luwte_localized_clear (&self->more_info_label);
  luwte_localized_clear (&self->more_info_text);
  g_clear_pointer (&self->legal_basis, g_ptr_array_unref);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);
  g_clear_pointer (&self->caveats, g_ptr_array_unref);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->examples, g_ptr_array_unref);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (luwte_card_intervention_parent_class)->finalize (object);
}

static void
luwte_card_intervention_class_init (LuwteCardInterventionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_card_intervention_finalize;
}

static void
luwte_card_intervention_init (LuwteCardIntervention *self)
{
  self->legal_basis = g_ptr_array_new_with_free_func ((GDestroyNotify) luwte_legal_basis_free);
  self->conditions = g_ptr_array_new_with_free_func ((GDestroyNotify) luwte_localized_free);
  self->caveats = g_ptr_array_new_with_free_func ((GDestroyNotify) luwte_localized_free);
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) luwte_card_source_free);
  self->examples = g_ptr_array_new_with_free_func ((GDestroyNotify) luwte_card_example_free);
  self->children = g_list_store_new (LUWTE_TYPE_CARD_INTERVENTION);
}

const char *
luwte_card_intervention_get_id (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->id;
}

const LuwteLocalized *
luwte_card_intervention_get_title (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return &self->title;
}

const LuwteLocalized *
luwte_card_intervention_get_description (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return &self->description;
}

/* Returns: (nullable): who decides, when the card says so */
const LuwteLocalized *
luwte_card_intervention_get_decides (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->decides.nl != NULL || self->decides.en != NULL ? &self->decides : NULL;
}

guint
luwte_card_intervention_get_intensity (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), 0);
  return self->intensity;
}

GPtrArray *
luwte_card_intervention_get_legal_basis (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->legal_basis;
}

GPtrArray *
luwte_card_intervention_get_conditions (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->conditions;
}

GPtrArray *
luwte_card_intervention_get_caveats (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->caveats;
}

GPtrArray *
luwte_card_intervention_get_sources (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->sources;
}

GPtrArray *
luwte_card_intervention_get_examples (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->examples;
}

/* Returns: (nullable) */
const LuwteLocalized *
luwte_card_intervention_get_more_info_label (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->more_info_label.nl != NULL || self->more_info_label.en != NULL ? &self->more_info_label : NULL;
}

/* Returns: (nullable) */
const LuwteLocalized *
luwte_card_intervention_get_more_info_text (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->more_info_text.nl != NULL || self->more_info_text.en != NULL ? &self->more_info_text : NULL;
}

GListModel *
luwte_card_intervention_get_children (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return G_LIST_MODEL (self->children);
}

/* Returns: (nullable) (transfer none) */
LuwteCardIntervention *
luwte_card_intervention_get_parent (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->parent;
}

LuwteCardGroup *
luwte_card_intervention_get_group (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), NULL);
  return self->group;
}

/* 0 for an intervention directly in a group, 1 for its sub-interventions… */
guint
luwte_card_intervention_get_depth (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), 0);
  return self->depth;
}

/* Administrative powers are the card's last group; choosing one asks for
 * proportionality and subsidiarity reasoning. */
gboolean
luwte_card_intervention_is_administrative_power (LuwteCardIntervention *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_INTERVENTION (self), FALSE);
  return self->group != NULL && self->group->number == 6;
}

/* LuwteCardGroup */

static void
luwte_card_group_finalize (GObject *object)
{
  LuwteCardGroup *self = (LuwteCardGroup *) object;

  g_free (self->id);
  luwte_localized_clear (&self->title);
  luwte_localized_clear (&self->summary);
  g_clear_object (&self->interventions);

  G_OBJECT_CLASS (luwte_card_group_parent_class)->finalize (object);
}

static void
luwte_card_group_class_init (LuwteCardGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_card_group_finalize;
}

static void
luwte_card_group_init (LuwteCardGroup *self)
{
  self->interventions = g_list_store_new (LUWTE_TYPE_CARD_INTERVENTION);
}

guint
luwte_card_group_get_number (LuwteCardGroup *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_GROUP (self), 0);
  return self->number;
}

const char *
luwte_card_group_get_id (LuwteCardGroup *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_GROUP (self), NULL);
  return self->id;
}

const LuwteLocalized *
luwte_card_group_get_title (LuwteCardGroup *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_GROUP (self), NULL);
  return &self->title;
}

/* Returns: (nullable) */
const LuwteLocalized *
luwte_card_group_get_summary (LuwteCardGroup *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_GROUP (self), NULL);
  return self->summary.nl != NULL || self->summary.en != NULL ? &self->summary : NULL;
}

/* The interventions directly in this group; their sub-interventions hang
 * below them. */
GListModel *
luwte_card_group_get_interventions (LuwteCardGroup *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_GROUP (self), NULL);
  return G_LIST_MODEL (self->interventions);
}

static void
collect_depth_first (GListModel *model,
                     GPtrArray  *into)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuwteCardIntervention) item = g_list_model_get_item (model, i);

      g_ptr_array_add (into, g_object_ref (item));
      collect_depth_first (G_LIST_MODEL (item->children), into);
    }
}

/**
 * luwte_card_group_list_all:
 *
 * Returns: (transfer container): every intervention of the group, each
 *   followed by its sub-interventions, in card order
 */
GPtrArray *
luwte_card_group_list_all (LuwteCardGroup *self)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (LUWTE_IS_CARD_GROUP (self), all);
  collect_depth_first (G_LIST_MODEL (self->interventions), all);
  return all;
}

/* LuwteCard */

static void
luwte_card_finalize (GObject *object)
{
  LuwteCard *self = (LuwteCard *) object;

  g_free (self->version);
  g_free (self->date);
  g_free (self->origin);
  luwte_localized_clear (&self->title);
  luwte_localized_clear (&self->question);
  luwte_localized_clear (&self->disclaimer);
  luwte_localized_clear (&self->credits);
  g_clear_pointer (&self->remarks, g_ptr_array_unref);
  g_clear_pointer (&self->makers, g_strfreev);
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (luwte_card_parent_class)->finalize (object);
}

static void
luwte_card_class_init (LuwteCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_card_finalize;
}

static void
luwte_card_init (LuwteCard *self)
{
  self->remarks = g_ptr_array_new_with_free_func ((GDestroyNotify) luwte_localized_free);
  self->groups = g_list_store_new (LUWTE_TYPE_CARD_GROUP);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * luwte_card_new_from_data:
 * @data: card JSON as read from a file
 * @length: its length in bytes
 * @error: names the problem, with its JSON path where there is one
 *
 * Returns: (transfer full): the card, or %NULL when it is not a valid card
 */
LuwteCard *
luwte_card_new_from_data (const char  *data,
                          gsize        length,
                          GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  return luwte_card_parse (data, length, error);
}

/**
 * luwte_card_new_from_file:
 * @file: a card JSON file
 * @error: the file's name and what is wrong with it
 *
 * Returns: (transfer full): the card, or %NULL
 */
LuwteCard *
luwte_card_new_from_file (GFile   *file,
                          GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  gsize length = 0;
  LuwteCard *card;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);

  /* Check the size first, so a huge file is never read into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_NOT_FOUND,
                   "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_size (info) > CARD_MAX_BYTES)
    {
      g_autofree char *size = g_format_size_full ((guint64) g_file_info_get_size (info), G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (CARD_MAX_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_INVALID,
                   _("%s: too large: %s, at most %s"), name, size, limit);
      return NULL;
    }

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local_error))
    {
      g_set_error (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_NOT_FOUND,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  card = luwte_card_parse (contents, length, &local_error);
  if (card == NULL)
    {
      g_set_error (error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_INVALID,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  g_free (card->origin);
  card->origin = g_steal_pointer (&name);
  return card;
}

/**
 * luwte_card_new_builtin:
 *
 * Returns: (transfer full): the card that ships with Luwte
 */
LuwteCard *
luwte_card_new_builtin (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data;
  LuwteCard *card;

  /* Looked up in our own resource, not the global set: that also keeps the
   * linker from dropping the resource from the static library. */
  bytes = g_resource_lookup_data (luwte_data_get_resource (),
                                  RESOURCE_PREFIX "/card/interventiekaart.json",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in card is missing: %s", error->message);

  data = g_bytes_get_data (bytes, &length);
  card = luwte_card_parse (data, length, &error);
  /* A test checks the built-in card; failing here is a build error. */
  if (card == NULL)
    g_error ("The built-in card is invalid: %s", error->message);

  card->is_builtin = TRUE;
  return card;
}

/**
 * luwte_card_get_user_file:
 *
 * Returns: (transfer full): where a user's own card lives
 */
GFile *
luwte_card_get_user_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "luwte", LUWTE_CARD_USER_FILE, NULL);
  return g_file_new_for_path (path);
}

/**
 * luwte_card_load:
 * @user_card_error: set when the user has an own card that cannot be used
 *
 * The user's own card when there is a valid one, otherwise the built-in
 * card. A broken user card never stops the application: it is reported
 * through @user_card_error and the built-in card is used.
 *
 * Returns: (transfer full): the card to show
 */
LuwteCard *
luwte_card_load (GError **user_card_error)
{
  g_autoptr(GFile) user_file = luwte_card_get_user_file ();
  g_autoptr(GError) local_error = NULL;
  LuwteCard *card;

  card = luwte_card_new_from_file (user_file, &local_error);
  if (card != NULL)
    return card;

  if (!g_error_matches (local_error, LUWTE_CARD_ERROR, LUWTE_CARD_ERROR_NOT_FOUND) ||
      g_file_query_exists (user_file, NULL))
    g_propagate_error (user_card_error, g_steal_pointer (&local_error));

  return luwte_card_new_builtin ();
}

const char *
luwte_card_get_version (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return self->version;
}

const char *
luwte_card_get_date (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return self->date;
}

const LuwteLocalized *
luwte_card_get_title (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return &self->title;
}

const LuwteLocalized *
luwte_card_get_question (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return &self->question;
}

const LuwteLocalized *
luwte_card_get_disclaimer (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return &self->disclaimer;
}

const LuwteLocalized *
luwte_card_get_credits (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return &self->credits;
}

GPtrArray *
luwte_card_get_remarks (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return self->remarks;
}

const char * const *
luwte_card_get_makers (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return (const char * const *) self->makers;
}

GListModel *
luwte_card_get_groups (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return G_LIST_MODEL (self->groups);
}

/* Returns: (nullable) (transfer none): the group with @number (1–6) */
LuwteCardGroup *
luwte_card_get_group (LuwteCard *self,
                      guint      number)
{
  guint n;

  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);

      if (group->number == number)
        return group;
    }
  return NULL;
}

/* Returns: (nullable) (transfer none) */
LuwteCardIntervention *
luwte_card_find_intervention (LuwteCard  *self,
                              const char *id)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);

  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id, id);
}

/**
 * luwte_card_list_interventions:
 *
 * Returns: (transfer container): every intervention of the card in card
 *   order, sub-interventions after their parent
 */
GPtrArray *
luwte_card_list_interventions (LuwteCard *self)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (LUWTE_IS_CARD (self), all);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (G_LIST_MODEL (self->groups), i);
      collect_depth_first (G_LIST_MODEL (group->interventions), all);
    }
  return all;
}

gboolean
luwte_card_get_is_builtin (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), FALSE);
  return self->is_builtin;
}

/* Returns: (nullable): the file the card came from, %NULL when built in */
const char *
luwte_card_get_origin (LuwteCard *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD (self), NULL);
  return self->origin;
}
