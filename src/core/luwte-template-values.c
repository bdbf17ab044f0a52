/* luwte-template-values.c — the values a letter is made from
 *
 * Scalar fields by name ("zaak.kenmerk" → "OOV-2026-0042") and the list
 * `berichten`, whose items hold `bericht.*` fields. Whoever builds a letter
 * fills this from the case, the preferences and the editor; the template
 * only reads it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-template"

#include "config.h"

#include "luwte-template-values.h"

struct _LuwteTemplateValues
{
  grefcount   ref_count;
  GHashTable *scalars;     /* name → value */
  GPtrArray  *berichten;   /* GHashTable name → value, one per item */
};

G_DEFINE_BOXED_TYPE (LuwteTemplateValues, luwte_template_values,
                     luwte_template_values_ref, luwte_template_values_unref)

static GHashTable *
new_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

LuwteTemplateValues *
luwte_template_values_new (void)
{
  LuwteTemplateValues *self = g_new0 (LuwteTemplateValues, 1);

  g_ref_count_init (&self->ref_count);
  self->scalars = new_table ();
  self->berichten = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  return self;
}

LuwteTemplateValues *
luwte_template_values_ref (LuwteTemplateValues *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
luwte_template_values_unref (LuwteTemplateValues *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->scalars);
  g_ptr_array_unref (self->berichten);
  g_free (self);
}

static void
table_set (GHashTable *table,
           const char *name,
           const char *value)
{
  if (value == NULL)
    g_hash_table_remove (table, name);
  else
    g_hash_table_replace (table, g_strdup (name), g_strdup (value));
}

/**
 * luwte_template_values_set:
 * @name: a field name, such as "zaak.kenmerk" or "brief.uitleg"
 * @value: (nullable): valid UTF-8, inserted as it is; %NULL removes it
 */
void
luwte_template_values_set (LuwteTemplateValues *self,
                           const char          *name,
                           const char          *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  table_set (self->scalars, name, value);
}

/**
 * luwte_template_values_get:
 *
 * Returns: (transfer none) (nullable): the value of the field @name
 */
const char *
luwte_template_values_get (LuwteTemplateValues *self,
                           const char          *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->scalars, name);
}

/**
 * luwte_template_values_add_bericht:
 *
 * Adds an empty item to `berichten`, to fill with
 * luwte_template_values_set_bericht().
 *
 * Returns: its index
 */
guint
luwte_template_values_add_bericht (LuwteTemplateValues *self)
{
  g_return_val_if_fail (self != NULL, 0);

  g_ptr_array_add (self->berichten, new_table ());
  return self->berichten->len - 1;
}

guint
luwte_template_values_get_n_berichten (LuwteTemplateValues *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->berichten->len;
}

/**
 * luwte_template_values_set_bericht:
 * @index: an index from luwte_template_values_add_bericht()
 * @name: an item field name, such as "bericht.url"
 * @value: (nullable): valid UTF-8; %NULL removes it
 */
void
luwte_template_values_set_bericht (LuwteTemplateValues *self,
                                   guint                index,
                                   const char          *name,
                                   const char          *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->berichten->len);
  g_return_if_fail (name != NULL);
  g_return_if_fail (value == NULL || g_utf8_validate (value, -1, NULL));

  table_set (g_ptr_array_index (self->berichten, index), name, value);
}

/**
 * luwte_template_values_get_bericht:
 *
 * Returns: (transfer none) (nullable): the value of @name in item @index
 */
const char *
luwte_template_values_get_bericht (LuwteTemplateValues *self,
                                   guint                index,
                                   const char          *name)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->berichten->len, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (g_ptr_array_index (self->berichten, index), name);
}

void
luwte_template_values_clear_berichten (LuwteTemplateValues *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->berichten, 0);
}

/**
 * luwte_template_value_is_filled:
 * @value: (nullable): a field's value
 *
 * A value of only spaces and line breaks is as good as none: it would
 * leave a gap in the letter where a fact belongs.
 *
 * Returns: whether @value holds anything but white space
 */
gboolean
luwte_template_value_is_filled (const char *value)
{
  if (value == NULL)
    return FALSE;
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}
