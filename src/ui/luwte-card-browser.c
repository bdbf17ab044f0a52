/* luwte-card-browser.c — browsing and searching the intervention card
 *
 * Three panes in a leaflet: the card's groups, the interventions of the
 * selected group (or the search results over the whole card), and the
 * detail of one intervention. Below 800 px the leaflet folds into pages
 * with back buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-browser"

#include "config.h"

#include "luwte-card-browser.h"
#include "luwte-card-search.h"
#include "luwte-highlight.h"
#include "luwte-intervention-detail.h"
#include "luwte-text.h"

#include <glib/gi18n.h>

struct _LuwteCardBrowser
{
  AdwBin                   parent_instance;

  LuwteCard               *card;
  LuwteLanguage            language;
  LuwteCardGroup          *group;
  GStrv                    words;
  GPtrArray               *listed;          /* LuwteCardIntervention, in list order */
  gboolean                 filling;         /* ignore selection while rebuilding */

  AdwLeaflet              *leaflet;
  GtkWidget               *groups_pane;
  AdwHeaderBar            *groups_header;
  GtkWidget               *interventions_pane;
  GtkToggleButton         *search_button;
  GtkSearchBar            *search_bar;
  GtkSearchEntry          *search_entry;
  GtkListBox              *groups_list;
  GtkLabel                *card_version_label;
  AdwWindowTitle          *list_title;
  GtkLabel                *group_summary_label;
  GtkStack                *list_stack;
  GtkScrolledWindow       *list_scroller;
  GtkListBox              *interventions_list;
  AdwWindowTitle          *detail_title;
  LuwteInterventionDetail *detail;
};

G_DEFINE_FINAL_TYPE (LuwteCardBrowser, luwte_card_browser, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_INTERVENTION_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
text_of (LuwteCardBrowser     *self,
         const LuwteLocalized *text)
{
  return luwte_localized_get (text, self->language);
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_group_row (LuwteCardBrowser *self,
               LuwteCardGroup   *group)
{
  g_autofree char *number = g_strdup_printf ("%u", luwte_card_group_get_number (group));
  g_autofree char *accessible = NULL;
  const char *title = text_of (self, luwte_card_group_get_title (group));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *badge = gtk_label_new (number);
  GtkWidget *label = gtk_label_new (title);

  gtk_widget_add_css_class (badge, "group-number");
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), badge);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* TRANSLATORS: accessible name of a group row, e.g. "Group 6: Bestuurlijke bevoegdheden" */
  accessible = g_strdup_printf (_("Group %u: %s"), luwte_card_group_get_number (group), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data_full (G_OBJECT (row), "group", g_object_ref (group), g_object_unref);
  return row;
}

/* A row of the middle list. @context is the group line shown under the
 * title in search results, %NULL in a group's own list. */
static GtkWidget *
new_intervention_row (LuwteCardBrowser      *self,
                      LuwteCardIntervention *intervention,
                      const char            *context,
                      guint                  depth)
{
  const char *title = text_of (self, luwte_card_intervention_get_title (intervention));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  luwte_label_set_highlighted (GTK_LABEL (label), title, (const char * const *) self->words);
  gtk_box_append (GTK_BOX (box), label);

  if (context != NULL)
    {
      GtkWidget *sub = gtk_label_new (context);

      gtk_label_set_xalign (GTK_LABEL (sub), 0);
      gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (sub, "caption");
      gtk_widget_add_css_class (sub, "dim-label");
      gtk_box_append (GTK_BOX (box), sub);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, (int) (18 * depth));
  if (depth > 0)
    gtk_widget_add_css_class (row, "sub-intervention");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_object_set_data_full (G_OBJECT (row), "intervention", g_object_ref (intervention), g_object_unref);
  return row;
}

static void
select_listed (LuwteCardBrowser      *self,
               LuwteCardIntervention *intervention)
{
  for (guint i = 0; i < self->listed->len; i++)
    if (g_ptr_array_index (self->listed, i) == intervention)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->interventions_list, (int) i);
        gtk_list_box_select_row (self->interventions_list, row);
        return;
      }
  gtk_list_box_unselect_all (self->interventions_list);
}

static void
show_in_detail (LuwteCardBrowser      *self,
                LuwteCardIntervention *intervention)
{
  luwte_intervention_detail_set_intervention (self->detail, intervention);
  adw_window_title_set_title (self->detail_title,
                              intervention != NULL ? text_of (self, luwte_card_intervention_get_title (intervention)) : "");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INTERVENTION_ID]);
}

static void
fill_interventions (LuwteCardBrowser *self)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean searching = self->words != NULL && self->words[0] != NULL;
  const char *summary = NULL;

  self->filling = TRUE;
  remove_rows (self->interventions_list);
  g_ptr_array_set_size (self->listed, 0);

  if (searching)
    {
      items = luwte_card_search (self->card, self->language, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      for (guint i = 0; i < items->len; i++)
        {
          LuwteCardIntervention *item = g_ptr_array_index (items, i);
          LuwteCardGroup *group = luwte_card_intervention_get_group (item);
          g_autofree char *context = g_strdup_printf (_("Group %u · %s"), luwte_card_group_get_number (group),
                                                      text_of (self, luwte_card_group_get_title (group)));

          gtk_list_box_append (self->interventions_list, new_intervention_row (self, item, context, 0));
          g_ptr_array_add (self->listed, g_object_ref (item));
        }
      {
        g_autofree char *count = g_strdup_printf (ngettext ("%u match", "%u matches", items->len), items->len);
        adw_window_title_set_title (self->list_title, _("Search Results"));
        adw_window_title_set_subtitle (self->list_title, count);
      }
    }
  else if (self->group != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Group %u of %u"), luwte_card_group_get_number (self->group),
                                                   g_list_model_get_n_items (luwte_card_get_groups (self->card)));

      items = luwte_card_group_list_all (self->group);
      for (guint i = 0; i < items->len; i++)
        {
          LuwteCardIntervention *item = g_ptr_array_index (items, i);

          gtk_list_box_append (self->interventions_list,
                               new_intervention_row (self, item, NULL, luwte_card_intervention_get_depth (item)));
          g_ptr_array_add (self->listed, g_object_ref (item));
        }
      adw_window_title_set_title (self->list_title, text_of (self, luwte_card_group_get_title (self->group)));
      adw_window_title_set_subtitle (self->list_title, subtitle);
      summary = text_of (self, luwte_card_group_get_summary (self->group));
    }

  gtk_label_set_text (self->group_summary_label, summary != NULL ? summary : "");
  gtk_widget_set_visible (GTK_WIDGET (self->group_summary_label), summary != NULL);
  gtk_stack_set_visible_child_name (self->list_stack, self->listed->len > 0 || !searching ? "list" : "no-matches");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->list_scroller), 0);

  select_listed (self, luwte_intervention_detail_get_intervention (self->detail));
  self->filling = FALSE;
}

/* Focuses the selected row of @list, or its first. */
static gboolean
focus_list (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (list);

  if (row == NULL)
    row = gtk_list_box_get_row_at_index (list, 0);
  if (row == NULL)
    return FALSE;
  return gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Right and Left move between the panes, the way the eye reads them. */
static gboolean
on_groups_key_pressed (LuwteCardBrowser *self,
                       guint             keyval,
                       guint             keycode,
                       GdkModifierType   state)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->interventions_pane);
      return focus_list (self->interventions_list);
    }
  return FALSE;
}

static gboolean
on_interventions_key_pressed (LuwteCardBrowser *self,
                              guint             keyval,
                              guint             keycode,
                              GdkModifierType   state)
{
  GtkWidget *detail_pane = gtk_widget_get_ancestor (GTK_WIDGET (self->detail), GTK_TYPE_BOX);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return FALSE;
  if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, self->groups_pane);
      return focus_list (self->groups_list);
    }
  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    {
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, detail_pane);
      return gtk_widget_child_focus (GTK_WIDGET (self->detail), GTK_DIR_TAB_FORWARD);
    }
  return FALSE;
}

static void
on_group_selected (LuwteCardBrowser *self,
                   GtkListBoxRow    *row)
{
  LuwteCardGroup *group;

  if (row == NULL || self->filling)
    return;

  group = g_object_get_data (G_OBJECT (row), "group");
  if (group == self->group)
    return;

  g_set_object (&self->group, group);
  /* Choosing a group leaves the search: the user wants that group's list. */
  if (gtk_search_bar_get_search_mode (self->search_bar))
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  fill_interventions (self);

  /* Open on the group's first intervention rather than an empty pane. */
  if (self->listed->len > 0)
    {
      LuwteCardIntervention *shown = luwte_intervention_detail_get_intervention (self->detail);

      if (shown == NULL || luwte_card_intervention_get_group (shown) != group)
        {
          show_in_detail (self, g_ptr_array_index (self->listed, 0));
          self->filling = TRUE;
          select_listed (self, g_ptr_array_index (self->listed, 0));
          self->filling = FALSE;
        }
    }
}

static void
on_group_activated (LuwteCardBrowser *self,
                    GtkListBoxRow    *row)
{
  on_group_selected (self, row);
  /* Activated during a search, when no row could be selected. */
  self->filling = TRUE;
  gtk_list_box_select_row (self->groups_list, row);
  self->filling = FALSE;
  adw_leaflet_set_visible_child (self->leaflet, self->interventions_pane);
  focus_list (self->interventions_list);
}

static void
on_intervention_selected (LuwteCardBrowser *self,
                          GtkListBoxRow    *row)
{
  if (row == NULL || self->filling)
    return;
  show_in_detail (self, g_object_get_data (G_OBJECT (row), "intervention"));
}

static void
on_intervention_activated (LuwteCardBrowser *self,
                           GtkListBoxRow    *row)
{
  GtkWidget *detail_pane = gtk_widget_get_ancestor (GTK_WIDGET (self->detail), GTK_TYPE_BOX);

  on_intervention_selected (self, row);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, detail_pane);
}

static void
on_open_intervention (LuwteCardBrowser      *self,
                      LuwteCardIntervention *intervention)
{
  luwte_card_browser_show_intervention (self, luwte_card_intervention_get_id (intervention));
}

static void
on_search_changed (LuwteCardBrowser *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->words, g_strfreev);
  self->words = luwte_text_split_words (query);
  if (self->words[0] == NULL)
    g_clear_pointer (&self->words, g_strfreev);

  luwte_intervention_detail_set_search_words (self->detail, (const char * const *) self->words);
  fill_interventions (self);

  /* Results come from the whole card: no group is selected meanwhile.
   * Browse mode always keeps a row selected, so switch it off. */
  self->filling = TRUE;
  if (self->words != NULL)
    gtk_list_box_set_selection_mode (self->groups_list, GTK_SELECTION_NONE);
  else if (gtk_list_box_get_selection_mode (self->groups_list) == GTK_SELECTION_NONE)
    {
      gtk_list_box_set_selection_mode (self->groups_list, GTK_SELECTION_BROWSE);
      if (self->group != NULL)
        gtk_list_box_select_row (self->groups_list,
                                 gtk_list_box_get_row_at_index (self->groups_list,
                                                                (int) luwte_card_group_get_number (self->group) - 1));
    }
  self->filling = FALSE;
}

static void
on_search_mode_changed (LuwteCardBrowser *self)
{
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else if (adw_leaflet_get_folded (self->leaflet))
    /* The search field and its results live in the middle pane. */
    adw_leaflet_set_visible_child (self->leaflet, self->interventions_pane);
}

/* Down from the search field goes to the results. */
static void
on_search_next_match (LuwteCardBrowser *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->interventions_list, 0);

  if (first != NULL)
    {
      gtk_list_box_select_row (self->interventions_list, first);
      gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

static void
on_search_activate (LuwteCardBrowser *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->interventions_list, 0);

  if (first != NULL)
    {
      gtk_list_box_select_row (self->interventions_list, first);
      on_intervention_activated (self, first);
      /* Arrows then walk through the results. */
      if (!adw_leaflet_get_folded (self->leaflet))
        gtk_widget_grab_focus (GTK_WIDGET (first));
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LuwteCardBrowser *self = LUWTE_CARD_BROWSER (widget);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LuwteCardBrowser *self = LUWTE_CARD_BROWSER (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
group_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LuwteCardBrowser *self = LUWTE_CARD_BROWSER (widget);
  GtkListBoxRow *row;

  luwte_card_browser_select_group (self, (guint) g_variant_get_int32 (parameter));
  if (adw_leaflet_get_folded (self->leaflet))
    {
      adw_leaflet_set_visible_child (self->leaflet, self->interventions_pane);
      return;
    }
  row = gtk_list_box_get_selected_row (self->groups_list);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static void
luwte_card_browser_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LuwteCardBrowser *self = LUWTE_CARD_BROWSER (object);
  LuwteCardIntervention *intervention;

  switch (prop_id)
    {
    case PROP_INTERVENTION_ID:
      intervention = luwte_intervention_detail_get_intervention (self->detail);
      g_value_set_string (value, intervention != NULL ? luwte_card_intervention_get_id (intervention) : "");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luwte_card_browser_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  LuwteCardBrowser *self = LUWTE_CARD_BROWSER (object);

  switch (prop_id)
    {
    case PROP_INTERVENTION_ID:
      luwte_card_browser_show_intervention (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
luwte_card_browser_dispose (GObject *object)
{
  G_OBJECT_CLASS (luwte_card_browser_parent_class)->dispose (object);
}

static void
luwte_card_browser_finalize (GObject *object)
{
  LuwteCardBrowser *self = (LuwteCardBrowser *) object;

  g_clear_object (&self->card);
  g_clear_object (&self->group);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->listed, g_ptr_array_unref);

  G_OBJECT_CLASS (luwte_card_browser_parent_class)->finalize (object);
}

static void
luwte_card_browser_class_init (LuwteCardBrowserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = luwte_card_browser_get_property;
  object_class->set_property = luwte_card_browser_set_property;
  object_class->dispose = luwte_card_browser_dispose;
  object_class->finalize = luwte_card_browser_finalize;

  /**
   * LuwteCardBrowser:intervention-id:
   *
   * The id of the intervention shown, "" for none; bound to the setting
   * that brings the user back to it next time.
   */
  properties[PROP_INTERVENTION_ID] =
    g_param_spec_string ("intervention-id", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LUWTE_TYPE_INTERVENTION_DETAIL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-card-browser.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, groups_pane);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, groups_header);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, interventions_pane);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, search_button);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, groups_list);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, card_version_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, list_title);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, group_summary_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, interventions_list);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, detail_title);
  gtk_widget_class_bind_template_child (widget_class, LuwteCardBrowser, detail);

  gtk_widget_class_install_action (widget_class, "browser.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "browser.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "browser.group", "i", group_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "browser.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "browser.back", NULL);
  for (int i = 1; i <= 6; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, GDK_ALT_MASK, "browser.group", "i", i);
}

static void
luwte_card_browser_init (LuwteCardBrowser *self)
{
  GtkEventController *controller;

  self->listed = g_ptr_array_new_with_free_func (g_object_unref);
  self->language = LUWTE_LANGUAGE_EN;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->groups_list, "row-selected", G_CALLBACK (on_group_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->groups_list, "row-activated", G_CALLBACK (on_group_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interventions_list, "row-selected", G_CALLBACK (on_intervention_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->interventions_list, "row-activated", G_CALLBACK (on_intervention_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "open-intervention", G_CALLBACK (on_open_intervention), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "next-match", G_CALLBACK (on_search_next_match), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (on_search_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled", G_CALLBACK (on_search_mode_changed), self, G_CONNECT_SWAPPED);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_groups_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->groups_list), controller);
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (on_interventions_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->interventions_list), controller);
}

GtkWidget *
luwte_card_browser_new (void)
{
  return g_object_new (LUWTE_TYPE_CARD_BROWSER, NULL);
}

void
luwte_card_browser_set_card (LuwteCardBrowser *self,
                             LuwteCard        *card,
                             LuwteLanguage     language)
{
  GListModel *groups;
  g_autofree char *version = NULL;

  g_return_if_fail (LUWTE_IS_CARD_BROWSER (self));
  g_return_if_fail (LUWTE_IS_CARD (card));

  g_set_object (&self->card, card);
  self->language = language;
  g_clear_object (&self->group);

  luwte_intervention_detail_set_card (self->detail, card, language);
  show_in_detail (self, NULL);

  self->filling = TRUE;
  remove_rows (self->groups_list);
  groups = luwte_card_get_groups (card);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(LuwteCardGroup) group = g_list_model_get_item (groups, i);
      gtk_list_box_append (self->groups_list, new_group_row (self, group));
    }
  self->filling = FALSE;

  if (luwte_card_get_is_builtin (card))
    /* TRANSLATORS: below the groups: "Card version 1.0 of 2026-11-29" */
    version = g_strdup_printf (_("Card version %s of %s"), luwte_card_get_version (card), luwte_card_get_date (card));
  else
    /* TRANSLATORS: the user's own card replaced the built-in one */
    version = g_strdup_printf (_("Own card, version %s of %s"), luwte_card_get_version (card), luwte_card_get_date (card));
  gtk_label_set_text (self->card_version_label, version);

  luwte_card_browser_select_group (self, 1);
}

/* Shows the interventions of group @number (1–6). */
void
luwte_card_browser_select_group (LuwteCardBrowser *self,
                                 guint             number)
{
  GtkListBoxRow *row;

  g_return_if_fail (LUWTE_IS_CARD_BROWSER (self));

  if (number < 1)
    return;
  row = gtk_list_box_get_row_at_index (self->groups_list, (int) number - 1);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->groups_list, row);
  /* Selecting the row that is already selected emits nothing. */
  on_group_selected (self, row);
}

guint
luwte_card_browser_get_group_number (LuwteCardBrowser *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_BROWSER (self), 0);
  return self->group != NULL ? luwte_card_group_get_number (self->group) : 0;
}

/**
 * luwte_card_browser_show_intervention:
 * @id: an intervention's id
 *
 * Selects the intervention's group and shows the intervention.
 *
 * Returns: %FALSE when the card has no intervention with @id
 */
gboolean
luwte_card_browser_show_intervention (LuwteCardBrowser *self,
                                      const char       *id)
{
  LuwteCardIntervention *intervention;

  g_return_val_if_fail (LUWTE_IS_CARD_BROWSER (self), FALSE);

  if (self->card == NULL)
    return FALSE;
  intervention = luwte_card_find_intervention (self->card, id);
  if (intervention == NULL)
    return FALSE;

  show_in_detail (self, intervention);
  if (self->words == NULL)
    luwte_card_browser_select_group (self, luwte_card_group_get_number (luwte_card_intervention_get_group (intervention)));
  self->filling = TRUE;
  select_listed (self, intervention);
  self->filling = FALSE;
  return TRUE;
}

/* Returns: (nullable) (transfer none) */
LuwteCardIntervention *
luwte_card_browser_get_intervention (LuwteCardBrowser *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_BROWSER (self), NULL);
  return luwte_intervention_detail_get_intervention (self->detail);
}

/* Searches as if the user typed @query in the search field. */
void
luwte_card_browser_search (LuwteCardBrowser *self,
                           const char       *query)
{
  g_return_if_fail (LUWTE_IS_CARD_BROWSER (self));

  gtk_search_bar_set_search_mode (self->search_bar, query != NULL && *query != '\0');
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query != NULL ? query : "");
  /* Not waiting for the entry's typing delay. */
  on_search_changed (self);
}

guint
luwte_card_browser_get_n_listed (LuwteCardBrowser *self)
{
  g_return_val_if_fail (LUWTE_IS_CARD_BROWSER (self), 0);
  return self->listed->len;
}

/* Returns: (transfer none): the intervention in the middle list at @position */
LuwteCardIntervention *
luwte_card_browser_get_listed (LuwteCardBrowser *self,
                               guint             position)
{
  g_return_val_if_fail (LUWTE_IS_CARD_BROWSER (self), NULL);
  g_return_val_if_fail (position < self->listed->len, NULL);
  return g_ptr_array_index (self->listed, position);
}

/* The number of marked matches in the list and the detail. */
guint
luwte_card_browser_count_highlights (LuwteCardBrowser *self)
{
  guint count;

  g_return_val_if_fail (LUWTE_IS_CARD_BROWSER (self), 0);

  count = luwte_intervention_detail_count_highlights (self->detail);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->interventions_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
      count += luwte_label_count_highlights (GTK_LABEL (gtk_widget_get_first_child (box)));
    }
  return count;
}

/* Typing anywhere in @widget starts a search. */
void
luwte_card_browser_set_key_capture_widget (LuwteCardBrowser *self,
                                           GtkWidget        *widget)
{
  g_return_if_fail (LUWTE_IS_CARD_BROWSER (self));
  gtk_search_bar_set_key_capture_widget (self->search_bar, widget);
}

/* The window's view switcher, in the groups' header bar. */
void
luwte_card_browser_set_title_widget (LuwteCardBrowser *self,
                                     GtkWidget        *widget)
{
  g_return_if_fail (LUWTE_IS_CARD_BROWSER (self));
  adw_header_bar_set_title_widget (self->groups_header, widget);
}
