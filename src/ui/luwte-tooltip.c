/* luwte-tooltip.c — tooltips for widgets made by the hundred
 *
 * gtk_widget_set_tooltip_text() asks the display where the pointer is, in
 * GTK 4.8: a round trip to the X server for each widget. A list of
 * 100,000 cases makes 200 rows at once, at start-up. The text given here
 * is handed over only when GTK asks for a tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-tooltip.h"

#define TOOLTIP_KEY "luwte-tooltip"

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * luwte_tooltip_set_when_asked:
 * @text: the tooltip, plain text
 *
 * Gives @widget the tooltip @text, as gtk_widget_set_tooltip_text() does,
 * without asking the display anything now. Called again, it changes the
 * text.
 */
void
luwte_tooltip_set_when_asked (GtkWidget  *widget,
                              const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY) == NULL)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_object_set_data_full (G_OBJECT (widget), TOOLTIP_KEY, g_strdup (text != NULL ? text : ""), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL && *text != '\0');
}

/* Returns: (nullable): the tooltip @widget shows, given either way */
const char *
luwte_tooltip_get_text (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_data (G_OBJECT (widget), TOOLTIP_KEY);
  if (text != NULL)
    return *text != '\0' ? text : NULL;
  return gtk_widget_get_tooltip_text (widget);
}
