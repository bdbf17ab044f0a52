/* luwte-template-fields.c — the fields a letter template can use
 *
 * The table of data/templates/README.md: what a case, the preferences and
 * the chosen messages give a letter, with a label the editor shows when a
 * field has no value yet. A template's own `brief.*` inputs carry their
 * labels in the template.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-template"

#include "config.h"

#include "luwte-template-fields.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static const LuwteTemplateField fields[] = {
  { "datum", LUWTE_TEMPLATE_FIELD_TEXT, N_("Date of the letter") },
  { "zaak.kenmerk", LUWTE_TEMPLATE_FIELD_TEXT, N_("Case reference") },
  { "zaak.titel", LUWTE_TEMPLATE_FIELD_TEXT, N_("Case title") },
  { "zaak.locatie", LUWTE_TEMPLATE_FIELD_TEXT, N_("Location") },
  { "zaak.bijeenkomst", LUWTE_TEMPLATE_FIELD_TEXT, N_("Expected gathering") },
  { "zaak.samenvatting", LUWTE_TEMPLATE_FIELD_TEXT, N_("Context of the case") },
  { "zaak.platforms", LUWTE_TEMPLATE_FIELD_TEXT, N_("Platforms") },
  { "zaak.geopend", LUWTE_TEMPLATE_FIELD_TEXT, N_("Date the case was opened") },
  { "ontvanger.naam", LUWTE_TEMPLATE_FIELD_TEXT, N_("Recipient’s name") },
  { "ontvanger.organisatie", LUWTE_TEMPLATE_FIELD_TEXT, N_("Recipient’s organisation") },
  { "ontvanger.contact", LUWTE_TEMPLATE_FIELD_TEXT, N_("Recipient’s e-mail or phone") },
  { "ontvanger.adres", LUWTE_TEMPLATE_FIELD_TEXT, N_("Recipient’s postal address") },
  { "ontvanger.rol", LUWTE_TEMPLATE_FIELD_TEXT, N_("Recipient’s role") },
  { "jongere.naam", LUWTE_TEMPLATE_FIELD_TEXT, N_("Young person’s name") },
  { "gemeente.naam", LUWTE_TEMPLATE_FIELD_TEXT, N_("Municipality") },
  { "gemeente.adres", LUWTE_TEMPLATE_FIELD_TEXT, N_("Municipality’s postal address") },
  { "gemeente.burgemeester", LUWTE_TEMPLATE_FIELD_TEXT, N_("Mayor’s name") },
  { "gemeente.telefoon", LUWTE_TEMPLATE_FIELD_TEXT, N_("Municipality’s phone number") },
  { "gemeente.email", LUWTE_TEMPLATE_FIELD_TEXT, N_("Municipality’s e-mail address") },
  { "afzender.naam", LUWTE_TEMPLATE_FIELD_TEXT, N_("Sender’s name") },
  { "afzender.functie", LUWTE_TEMPLATE_FIELD_TEXT, N_("Sender’s position") },
  { "berichten", LUWTE_TEMPLATE_FIELD_LIST, N_("Online messages") },
  { "bericht.url", LUWTE_TEMPLATE_FIELD_ITEM, N_("URL of a message") },
  { "bericht.platform", LUWTE_TEMPLATE_FIELD_ITEM, N_("Platform of a message") },
  { "bericht.account", LUWTE_TEMPLATE_FIELD_ITEM, N_("Account that posted a message") },
  { "bericht.geplaatst", LUWTE_TEMPLATE_FIELD_ITEM, N_("When a message was posted") },
  { "bericht.omschrijving", LUWTE_TEMPLATE_FIELD_ITEM, N_("What a message says or shows") },
};

/**
 * luwte_template_fields:
 * @n_fields: (out): the number of fields
 *
 * Returns: (transfer none): every known field except a template's own
 *   `brief.*` inputs, in the order of the README
 */
const LuwteTemplateField *
luwte_template_fields (guint *n_fields)
{
  *n_fields = G_N_ELEMENTS (fields);
  return fields;
}

/**
 * luwte_template_field_lookup:
 * @name: a field name such as "zaak.kenmerk"
 *
 * Returns: (transfer none) (nullable): the field, %NULL when @name is not
 *   in the table (`brief.*` inputs never are)
 */
const LuwteTemplateField *
luwte_template_field_lookup (const char *name)
{
  if (name == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strcmp (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

/**
 * luwte_template_field_get_label:
 * @name: a field name
 *
 * Returns: (transfer none) (nullable): the translated label of a known
 *   field, %NULL for any other name (a template knows its inputs' labels)
 */
const char *
luwte_template_field_get_label (const char *name)
{
  const LuwteTemplateField *field = luwte_template_field_lookup (name);

  return field != NULL ? g_dgettext (GETTEXT_PACKAGE, field->label) : NULL;
}

/**
 * luwte_template_field_is_input_name:
 * @name: (nullable): a field name
 *
 * Returns: whether @name has the shape of an input, `brief.` and then one
 *   or more of a–z, 0–9 and `_`
 */
gboolean
luwte_template_field_is_input_name (const char *name)
{
  const char *p;

  if (name == NULL || !g_str_has_prefix (name, LUWTE_TEMPLATE_INPUT_PREFIX))
    return FALSE;
  p = name + strlen (LUWTE_TEMPLATE_INPUT_PREFIX);
  if (*p == '\0')
    return FALSE;
  for (; *p != '\0'; p++)
    if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
      return FALSE;
  return TRUE;
}
