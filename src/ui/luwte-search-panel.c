/* luwte-search-panel.c — past and present cases found by words, with filters
 *
 * Searches as the officer types: each keystroke cancels the search before
 * and starts one in a worker thread on the search's own read-only
 * connection, so the window never waits for the database. A hit shows its
 * case and a snippet of where it matched, the matches in bold. Filters
 * narrow by period, intervention used, party role and platform; the status
 * comes from the case list's own status filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-search"

#include "config.h"

#include <glib/gi18n.h>

#include "luwte-accessible.h"
#include "luwte-search-panel.h"
#include "luwte-tooltip.h"
#include "luwte-row-text.h"

#define PAGE_SIZE 50
#define SNIPPET_LINES 2

typedef enum {
  PERIOD_ANY,
  PERIOD_MONTH,
  PERIOD_YEAR,
  PERIOD_FIVE_YEARS,
} Period;

struct _LuwteSearchPanel
{
  AdwBin          parent_instance;

  LuwteSearch    *search;
  LuwteCard      *card;
  LuwteLanguage   language;
  GCancellable   *cancellable;
  GListStore     *hits;
  GPtrArray      *card_ids;       /* per item of the intervention filter; [0] = none */
  char           *query;
  gboolean        has_status;
  LuwteCaseStatus status;
  guint           generation;     /* of the last search started */
  gboolean        running;
  gboolean        open_when_done; /* Enter came before the answer */

  GtkWidget      *stack;
  GtkListView    *list;
  AdwStatusPage  *empty_page;
  GtkLabel       *count_label;
  GtkDropDown    *period_choice;
  GtkDropDown    *intervention_choice;
  GtkDropDown    *role_choice;
  GtkEntry       *platform_entry;
  GtkWidget      *filter_button;
};

G_DEFINE_FINAL_TYPE (LuwteSearchPanel, luwte_search_panel, ADW_TYPE_BIN)

enum {
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What one search in the worker thread needs; owned by the task. */
typedef struct {
  LuwteSearch     *search;
  char            *query;
  LuwteSearchFilter filter;
  LuwteCaseStatus  status;
  LuwteRole        role;
  char            *card_id;
  char            *platform;
  guint            generation;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->search);
  g_free (job->query);
  g_clear_pointer (&job->filter.opened_from, g_date_time_unref);
  g_free (job->card_id);
  g_free (job->platform);
  g_free (job);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  GPtrArray *hits = luwte_search_run (job->search, job->query, &job->filter, 0, PAGE_SIZE, cancellable, &error);

  if (hits == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, hits, (GDestroyNotify) g_ptr_array_unref);
}

static gboolean open_first (LuwteSearchPanel *self);

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LuwteSearchPanel *self = LUWTE_SEARCH_PANEL (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *count = NULL;

  /* Only the answer to the last question counts. */
  if (job->generation != self->generation)
    return;
  self->running = FALSE;
  if (hits == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return;
    }
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)), hits->pdata, hits->len);
  if (hits->len == PAGE_SIZE)
    count = g_strdup_printf (_("The %d best matches"), PAGE_SIZE);
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case found", "%u cases found", hits->len), hits->len);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), hits->len > 0 ? "hits" : "empty");
  if (self->open_when_done)
    {
      self->open_when_done = FALSE;
      open_first (self);
    }
}

static GDateTime *
period_start (Period period)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  switch (period)
    {
    case PERIOD_MONTH: return g_date_time_add_days (now, -30);
    case PERIOD_YEAR: return g_date_time_add_years (now, -1);
    case PERIOD_FIVE_YEARS: return g_date_time_add_years (now, -5);
    case PERIOD_ANY:
    default: return NULL;
    }
}

/* Starts a search for what is typed and chosen now. */
static void
start (LuwteSearchPanel *self)
{
  g_autoptr(GTask) task = NULL;
  guint role = gtk_drop_down_get_selected (self->role_choice);
  guint intervention = gtk_drop_down_get_selected (self->intervention_choice);
  const char *platform = gtk_editable_get_text (GTK_EDITABLE (self->platform_entry));
  g_autofree char *words = g_strstrip (g_strdup (self->query != NULL ? self->query : ""));
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  if (self->search == NULL || *words == '\0')
    {
      g_list_store_remove_all (self->hits);
      self->running = FALSE;
      return;
    }

  job = g_new0 (Job, 1);
  job->search = g_object_ref (self->search);
  job->query = g_steal_pointer (&words);
  job->generation = self->generation;
  job->filter.opened_from = period_start (gtk_drop_down_get_selected (self->period_choice));
  if (self->has_status)
    {
      job->status = self->status;
      job->filter.status = &job->status;
    }
  if (role > 0)
    {
      job->role = (LuwteRole) (role - 1);
      job->filter.role = &job->role;
    }
  if (intervention > 0 && intervention < self->card_ids->len)
    job->filter.card_id = job->card_id = g_strdup (g_ptr_array_index (self->card_ids, intervention));
  if (*platform != '\0')
    job->filter.platform = job->platform = g_strstrip (g_strdup (platform));

  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  task = g_task_new (self, self->cancellable, on_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

/* Bold where the words matched, from the byte ranges the search gives. */
static PangoAttrList *
snippet_attributes (LuwteSearchHit *hit)
{
  PangoAttrList *attributes = pango_attr_list_new ();
  guint n_matches = 0;
  const LuwteTextRange *matches = luwte_search_hit_get_matches (hit, &n_matches);

  for (guint i = 0; i < n_matches; i++)
    {
      PangoAttribute *bold = pango_attr_weight_new (PANGO_WEIGHT_BOLD);
      PangoAttribute *underline = pango_attr_underline_new (PANGO_UNDERLINE_SINGLE);

      bold->start_index = underline->start_index = matches[i].start;
      bold->end_index = underline->end_index = matches[i].end;
      pango_attr_list_insert (attributes, bold);
      pango_attr_list_insert (attributes, underline);
    }
  return attributes;
}

/* One widget of a fixed height per hit, not three labels: a new answer
 * rebinds 50 rows at each keystroke, and labels would lay out all their
 * text to be measured, most of it off screen. */
static void
setup_hit (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *text = luwte_row_text_new ();

  gtk_widget_set_margin_top (text, 6);
  gtk_widget_set_margin_bottom (text, 6);
  luwte_row_text_set_detail (LUWTE_ROW_TEXT (text), NULL, NULL, SNIPPET_LINES);
  gtk_list_item_set_child (item, text);
}

static void
bind_hit (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  LuwteSearchHit *hit = gtk_list_item_get_item (item);
  LuwteRowText *text = LUWTE_ROW_TEXT (gtk_list_item_get_child (item));
  g_autofree char *line = g_strdup_printf ("%s · %s", luwte_search_hit_get_reference (hit),
                                           luwte_case_status_label (luwte_search_hit_get_status (hit)));
  g_autoptr(PangoAttrList) attributes = snippet_attributes (hit);
  g_autofree char *accessible = NULL;
  gboolean untitled = *luwte_search_hit_get_title (hit) == '\0';
  const char *name = !untitled ? luwte_search_hit_get_title (hit) : _("Untitled case");

  luwte_row_text_set (text, name, untitled, line);
  luwte_row_text_set_detail (text, luwte_search_hit_get_snippet (hit), attributes, SNIPPET_LINES);
  accessible = g_strdup_printf ("%s, %s: %s", name, line, luwte_search_hit_get_snippet (hit));
  if (gtk_widget_get_parent (GTK_WIDGET (text)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (text))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_activate (GtkListView      *list,
             guint             position,
             LuwteSearchPanel *self)
{
  g_autoptr(LuwteSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), position);

  if (hit != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, luwte_search_hit_get_reference (hit));
}

static void
on_filter_changed (LuwteSearchPanel *self)
{
  gboolean narrowed = gtk_drop_down_get_selected (self->period_choice) > 0 ||
                      gtk_drop_down_get_selected (self->intervention_choice) > 0 ||
                      gtk_drop_down_get_selected (self->role_choice) > 0 ||
                      *gtk_editable_get_text (GTK_EDITABLE (self->platform_entry)) != '\0';

  /* The button says when something narrows the search. */
  if (narrowed)
    gtk_widget_add_css_class (self->filter_button, "accent");
  else
    gtk_widget_remove_css_class (self->filter_button, "accent");
  start (self);
}

static GtkDropDown *
filter_dropdown (GtkWidget    *grid,
                 int           row,
                 const char   *label_text,
                 GtkStringList *items)
{
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (items)), NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (dropdown), factory);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), g_list_model_get_n_items (G_LIST_MODEL (items)) > 10);
  gtk_widget_set_hexpand (dropdown, TRUE);
  /* Wide enough for the longest choice: the popover has the room. */
  gtk_widget_set_size_request (dropdown, 260, -1);
  gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), dropdown, 1, row, 1, 1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  luwte_accessible_name_inner (dropdown, GTK_TYPE_TOGGLE_BUTTON, label_text);
  return GTK_DROP_DOWN (dropdown);
}

static void
luwte_search_panel_dispose (GObject *object)
{
  LuwteSearchPanel *self = LUWTE_SEARCH_PANEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (luwte_search_panel_parent_class)->dispose (object);
}

static void
luwte_search_panel_finalize (GObject *object)
{
  LuwteSearchPanel *self = LUWTE_SEARCH_PANEL (object);

  g_clear_object (&self->search);
  g_clear_object (&self->card);
  g_clear_object (&self->hits);
  g_ptr_array_unref (self->card_ids);
  g_free (self->query);
  G_OBJECT_CLASS (luwte_search_panel_parent_class)->finalize (object);
}

static void
luwte_search_panel_class_init (LuwteSearchPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = luwte_search_panel_dispose;
  object_class->finalize = luwte_search_panel_finalize;

  /**
   * LuwteSearchPanel::case-activated:
   * @reference: the case chosen from the hits
   */
  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
luwte_search_panel_init (LuwteSearchPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) interventions = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *platform_label = gtk_label_new (_("Platform"));

  self->hits = g_list_store_new (LUWTE_TYPE_SEARCH_HIT);
  self->card_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->card_ids, NULL);

  gtk_string_list_append (periods, _("Any time"));
  gtk_string_list_append (periods, _("Opened in the last 30 days"));
  gtk_string_list_append (periods, _("Opened in the last year"));
  gtk_string_list_append (periods, _("Opened in the last five years"));
  gtk_string_list_append (roles, _("Any party"));
  for (int r = LUWTE_ROLE_MAYOR; r <= LUWTE_ROLE_OTHER; r++)
    gtk_string_list_append (roles, luwte_role_label ((LuwteRole) r));
  gtk_string_list_append (interventions, _("Any intervention"));

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  self->period_choice = filter_dropdown (grid, 0, _("Period"), periods);
  self->intervention_choice = filter_dropdown (grid, 1, _("Intervention used"), interventions);
  self->role_choice = filter_dropdown (grid, 2, _("A party in the role"), roles);
  self->platform_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->platform_entry, _("e.g. TikTok"));
  gtk_label_set_xalign (GTK_LABEL (platform_label), 0);
  gtk_grid_attach (GTK_GRID (grid), platform_label, 0, 3, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->platform_entry), 1, 3, 1, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->platform_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Platform"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), grid);

  self->filter_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->filter_button), _("Filters"));
  gtk_menu_button_set_always_show_arrow (GTK_MENU_BUTTON (self->filter_button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->filter_button), popover);
  luwte_tooltip_set_when_asked (self->filter_button, _("Narrow the Search"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Narrow the search"), -1);
  luwte_accessible_name_inner (self->filter_button, GTK_TYPE_TOGGLE_BUTTON, _("Narrow the search"));
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (bar), self->filter_button);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_hit), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_hit), NULL);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->hits)))),
                                                 g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cases found"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Cases Found"));
  adw_status_page_set_description (self->empty_page, _("Try fewer or shorter words, or fewer filters."));
  gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");

  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_stack_add_named (GTK_STACK (self->stack), scrolled, "hits");
  gtk_stack_add_named (GTK_STACK (self->stack), GTK_WIDGET (self->empty_page), "empty");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), self->stack);
  adw_bin_set_child (ADW_BIN (self), box);

  g_signal_connect_object (self->list, "activate", G_CALLBACK (on_activate), self, 0);
  g_signal_connect_object (self->period_choice, "notify::selected", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->intervention_choice, "notify::selected", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->role_choice, "notify::selected", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->platform_entry, "changed", G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
}

/**
 * luwte_search_panel_set_store:
 * @store: (nullable): the case database
 */
void
luwte_search_panel_set_store (LuwteSearchPanel *self,
                              LuwteStore       *store)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LUWTE_IS_SEARCH_PANEL (self));

  g_clear_object (&self->search);
  if (store != NULL)
    {
      self->search = luwte_search_new (store, &error);
      if (self->search == NULL)
        g_warning ("Search is not available: %s", error->message);
    }
  start (self);
}

/* The interventions of @card, for the filter, in @language. */
void
luwte_search_panel_set_card (LuwteSearchPanel *self,
                             LuwteCard        *card,
                             LuwteLanguage     language)
{
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  g_return_if_fail (LUWTE_IS_SEARCH_PANEL (self));

  g_set_object (&self->card, card);
  self->language = language;
  g_ptr_array_set_size (self->card_ids, 1);
  gtk_string_list_append (names, _("Any intervention"));
  interventions = card != NULL ? luwte_card_list_interventions (card) : NULL;
  for (guint i = 0; interventions != NULL && i < interventions->len; i++)
    {
      LuwteCardIntervention *item = g_ptr_array_index (interventions, i);

      gtk_string_list_append (names, luwte_localized_get (luwte_card_intervention_get_title (item), language));
      g_ptr_array_add (self->card_ids, g_strdup (luwte_card_intervention_get_id (item)));
    }
  gtk_drop_down_set_model (self->intervention_choice, G_LIST_MODEL (names));
  gtk_drop_down_set_enable_search (self->intervention_choice, TRUE);
}

/* Searches for @query (the words as typed) now, in the background. */
void
luwte_search_panel_set_query (LuwteSearchPanel *self,
                              const char       *query)
{
  g_return_if_fail (LUWTE_IS_SEARCH_PANEL (self));

  /* The field's own search-changed, a moment after Enter asked already:
   * the search runs, and Enter still waits for it. */
  if (g_strcmp0 (query, self->query) == 0 && self->running)
    return;
  g_free (self->query);
  self->query = g_strdup (query);
  /* Enter was for the words before these. */
  self->open_when_done = FALSE;
  start (self);
}

/**
 * luwte_search_panel_set_status:
 * @status: (nullable): only cases with this status
 */
void
luwte_search_panel_set_status (LuwteSearchPanel      *self,
                               const LuwteCaseStatus *status)
{
  g_return_if_fail (LUWTE_IS_SEARCH_PANEL (self));

  self->has_status = status != NULL;
  if (status != NULL)
    self->status = *status;
  start (self);
}

/**
 * luwte_search_panel_focus_hits:
 *
 * Puts the keyboard focus on the best hit, for Down in the search field.
 *
 * Returns: %FALSE when there are no hits
 */
gboolean
luwte_search_panel_focus_hits (LuwteSearchPanel *self)
{
  g_return_val_if_fail (LUWTE_IS_SEARCH_PANEL (self), FALSE);

  if (g_list_model_get_n_items (G_LIST_MODEL (self->hits)) == 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", 0);
  return gtk_widget_grab_focus (GTK_WIDGET (self->list));
}

/* The best hit of the answer shown, to the case page. */
static gboolean
open_first (LuwteSearchPanel *self)
{
  g_autoptr(LuwteSearchHit) hit = g_list_model_get_item (G_LIST_MODEL (self->hits), 0);

  if (hit == NULL)
    return FALSE;
  g_signal_emit (self, signals[CASE_ACTIVATED], 0, luwte_search_hit_get_reference (hit));
  return TRUE;
}

/**
 * luwte_search_panel_open_best:
 * @query: the words in the search field now
 *
 * Opens the best hit for @query, for Enter in the search field: at once
 * when its answer is shown, else when it comes (the field waits a moment
 * before it asks, and the answer takes its time).
 *
 * Returns: %FALSE when the answer shown has no hits
 */
gboolean
luwte_search_panel_open_best (LuwteSearchPanel *self,
                              const char       *query)
{
  g_return_val_if_fail (LUWTE_IS_SEARCH_PANEL (self), FALSE);

  if (g_strcmp0 (query, self->query) != 0)
    luwte_search_panel_set_query (self, query);
  if (self->running)
    {
      self->open_when_done = TRUE;
      return TRUE;
    }
  return open_first (self);
}

/* Returns: (transfer none): the hits of the last search that finished */
GListModel *
luwte_search_panel_get_hits (LuwteSearchPanel *self)
{
  g_return_val_if_fail (LUWTE_IS_SEARCH_PANEL (self), NULL);
  return G_LIST_MODEL (self->hits);
}

/* Returns: %TRUE while a search is still running; for tests */
gboolean
luwte_search_panel_is_running (LuwteSearchPanel *self)
{
  g_return_val_if_fail (LUWTE_IS_SEARCH_PANEL (self), FALSE);
  return self->running;
}

/* For tests: the filter widgets */
void
luwte_search_panel_set_filters (LuwteSearchPanel *self,
                                const char       *card_id,
                                int               role,
                                const char       *platform)
{
  g_return_if_fail (LUWTE_IS_SEARCH_PANEL (self));

  for (guint i = 1; i < self->card_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->card_ids, i), card_id) == 0)
      gtk_drop_down_set_selected (self->intervention_choice, i);
  if (card_id == NULL)
    gtk_drop_down_set_selected (self->intervention_choice, 0);
  gtk_drop_down_set_selected (self->role_choice, role < 0 ? 0 : (guint) role + 1);
  gtk_editable_set_text (GTK_EDITABLE (self->platform_entry), platform != NULL ? platform : "");
}
