/* luwte-highlight.c — showing search matches in labels
 *
 * The text is set as plain text, never as markup, so whatever a card or a
 * user wrote shows literally; matches are marked with Pango attributes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-highlight"

#include "config.h"

#include "luwte-highlight.h"
#include "luwte-text.h"

/* A translucent GNOME yellow that reads on light and dark backgrounds. */
#define HIGHLIGHT_RED    0xf600
#define HIGHLIGHT_GREEN  0xd300
#define HIGHLIGHT_BLUE   0x2d00
#define HIGHLIGHT_ALPHA  0x7000

/**
 * luwte_label_set_highlighted:
 * @label: a label
 * @text: its new text, shown literally
 * @words: (nullable): folded search words to mark
 */
void
luwte_label_set_highlighted (GtkLabel           *label,
                             const char         *text,
                             const char * const *words)
{
  g_autoptr(PangoAttrList) attrs = NULL;
  g_autoptr(GArray) ranges = NULL;

  g_return_if_fail (GTK_IS_LABEL (label));

  if (text == NULL)
    text = "";

  gtk_label_set_use_markup (label, FALSE);
  gtk_label_set_text (label, text);

  if (words == NULL || words[0] == NULL)
    {
      gtk_label_set_attributes (label, NULL);
      return;
    }

  ranges = luwte_text_find_words (text, words);
  attrs = pango_attr_list_new ();
  for (guint i = 0; i < ranges->len; i++)
    {
      LuwteTextRange *range = &g_array_index (ranges, LuwteTextRange, i);
      PangoAttribute *attr;

      attr = pango_attr_background_new (HIGHLIGHT_RED, HIGHLIGHT_GREEN, HIGHLIGHT_BLUE);
      attr->start_index = (guint) range->start;
      attr->end_index = (guint) range->end;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_background_alpha_new (HIGHLIGHT_ALPHA);
      attr->start_index = (guint) range->start;
      attr->end_index = (guint) range->end;
      pango_attr_list_insert (attrs, attr);

      attr = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      attr->start_index = (guint) range->start;
      attr->end_index = (guint) range->end;
      pango_attr_list_insert (attrs, attr);
    }
  gtk_label_set_attributes (label, ranges->len > 0 ? attrs : NULL);
}

static gboolean
count_background (PangoAttribute *attr,
                  gpointer        user_data)
{
  guint *count = user_data;

  if (attr->klass->type == PANGO_ATTR_BACKGROUND)
    (*count)++;
  return FALSE;
}

/* How many matches @label shows marked; for tests and accessibility. */
guint
luwte_label_count_highlights (GtkLabel *label)
{
  PangoAttrList *attrs = gtk_label_get_attributes (label);
  guint count = 0;

  if (attrs != NULL)
    pango_attr_list_filter (attrs, count_background, &count);
  return count;
}
