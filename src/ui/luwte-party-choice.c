/* luwte-party-choice.c — a row to pick one of the case's parties
 *
 * Notes and interventions name the party they concern by its id, so a
 * renamed party stays the same party and the exchange file can say who.
 * The first item is "none": not every note is about a party of the case.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-party-choice.h"
#include "luwte-accessible.h"
#include "luwte-party.h"

#define IDS_KEY "luwte-party-ids"

AdwComboRow *
luwte_party_choice_new (const char *title,
                        const char *none_label)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_factory (row, factory);
  gtk_string_list_append (names, none_label);
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  g_object_set_data_full (G_OBJECT (row), IDS_KEY, g_array_new (FALSE, TRUE, sizeof (gint64)),
                          (GDestroyNotify) g_array_unref);
  luwte_accessible_name_inner (GTK_WIDGET (row), GTK_TYPE_LIST_VIEW, title);
  return row;
}

void
luwte_party_choice_fill (AdwComboRow *row,
                         LuwteStore  *store,
                         LuwteCase   *kase,
                         gint64       selected_id)
{
  g_autoptr(GPtrArray) parties = store != NULL && kase != NULL ? luwte_store_list_parties (store, kase, NULL) : NULL;

  luwte_party_choice_fill_from (row, parties, LUWTE_PARTY_CHOICE_ANY_ROLE, selected_id);
}

/* Offers @parties (the case's, as listed; may be %NULL) in @role (a
 * #LuwteRole) only; LUWTE_PARTY_CHOICE_ANY_ROLE offers all. */
void
luwte_party_choice_fill_from (AdwComboRow *row,
                              GPtrArray   *parties,
                              int          role,
                              gint64       selected_id)
{
  GListModel *model = adw_combo_row_get_model (row);
  GArray *ids = g_object_get_data (G_OBJECT (row), IDS_KEY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (ids, 0);
  g_array_append_val (ids, none);
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    {
      LuwteParty *party = g_ptr_array_index (parties, i);
      gint64 id = luwte_party_get_id (party);
      g_autofree char *name = NULL;

      if (role != LUWTE_PARTY_CHOICE_ANY_ROLE && (int) luwte_party_get_role (party) != role)
        continue;
      name = luwte_party_describe (party);

      g_strv_builder_add (builder, name);
      g_array_append_val (ids, id);
      if (id == selected_id)
        selected = ids->len - 1;
    }
  names = g_strv_builder_end (builder);
  gtk_string_list_splice (GTK_STRING_LIST (model), 1, g_list_model_get_n_items (model) - 1,
                          (const char * const *) names);
  adw_combo_row_set_selected (row, selected);
}

/* Returns: the chosen party's id, or 0 for none */
gint64
luwte_party_choice_get_id (AdwComboRow *row)
{
  GArray *ids = g_object_get_data (G_OBJECT (row), IDS_KEY);
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

/* Returns: (transfer full): the chosen party as the list shows it, or "" */
char *
luwte_party_choice_get_name (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);
  GListModel *model = adw_combo_row_get_model (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return g_strdup ("");
  return g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (model), selected));
}
