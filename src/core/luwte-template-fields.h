/* luwte-template-fields.h — the fields a letter template can use
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The young person a letter names (its young person is chosen per letter) */
#define LUWTE_FIELD_YOUTH_NAME "jongere.naam"

typedef enum {
  LUWTE_TEMPLATE_FIELD_TEXT,   /* a value: {{zaak.kenmerk}} */
  LUWTE_TEMPLATE_FIELD_LIST,   /* repeated: {{#each berichten}} */
  LUWTE_TEMPLATE_FIELD_ITEM,   /* a value of one list item: {{bericht.url}} */
} LuwteTemplateFieldKind;

typedef struct {
  const char             *name;
  LuwteTemplateFieldKind  kind;
  const char             *label;   /* untranslated; see luwte_template_field_get_label() */
} LuwteTemplateField;

/* The one list, and the prefixes of its items and of a template's inputs. */
#define LUWTE_TEMPLATE_LIST        "berichten"
#define LUWTE_TEMPLATE_ITEM_PREFIX "bericht."
#define LUWTE_TEMPLATE_INPUT_PREFIX "brief."

const LuwteTemplateField *luwte_template_fields               (guint      *n_fields);
const LuwteTemplateField *luwte_template_field_lookup         (const char *name);
const char               *luwte_template_field_get_label      (const char *name);
gboolean                  luwte_template_field_is_input_name  (const char *name);

G_END_DECLS
