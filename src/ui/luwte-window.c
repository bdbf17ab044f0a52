/* luwte-window.c — the main window
 *
 * Remembers its size and state, and the intervention last viewed, so the
 * officer finds the card as they left it. The card and statistics pages
 * are built when first shown: the window opens on the cases, and its
 * first frame comes sooner without them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-window"

#include "config.h"

#include "luwte-window.h"
#include "luwte-accessible.h"
#include "luwte-cases-page.h"
#include "luwte-evidence.h"
#include "luwte-preferences-window.h"
#include "luwte-statistics-page.h"
#include "luwte-undo-toast.h"

#include <glib/gi18n.h>

struct _LuwteWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  LuwteStore           *store;
  LuwteCard            *card;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *main_stack;
  LuwteCasesPage       *cases_page;
  AdwBin               *card_page;
  AdwBin               *statistics_bin;
  LuwteCardBrowser     *card_browser;     /* until first shown, NULL */
  LuwteStatisticsPage  *statistics_page;  /* until first shown, NULL */
  AdwViewSwitcher      *switchers[3];
  gboolean              discard_confirmed;
};

G_DEFINE_FINAL_TYPE (LuwteWindow, luwte_window, ADW_TYPE_APPLICATION_WINDOW)

static gboolean
luwte_window_close_request (GtkWindow *window)
{
  LuwteWindow *self = LUWTE_WINDOW (window);
  int width = 0;
  int height = 0;

  /* What the user typed last is stored before the window goes. When it
   * cannot be, the window stays, the problem is shown, and only a second
   * close gives the changes up. */
  if (!luwte_cases_page_flush (self->cases_page) && !self->discard_confirmed)
    {
      self->discard_confirmed = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s",
                                  _("Your last changes could not be saved. Close the window again to give them up."));
      return TRUE;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (self->card_browser != NULL && luwte_card_browser_get_group_number (self->card_browser) > 0)
    g_settings_set_int (self->settings, "last-group", (int) luwte_card_browser_get_group_number (self->card_browser));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (luwte_window_parent_class)->close_request (window);
}

static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LuwteWindow *self = LUWTE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->main_stack, "cases");
  luwte_cases_page_new_case (self->cases_page);
}

/* From the card: the intervention shown goes to the case chosen. */
static void
add_to_case_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LuwteWindow *self = LUWTE_WINDOW (widget);
  LuwteCardIntervention *intervention = NULL;
  LuwteCase *kase = luwte_cases_page_get_selected (self->cases_page);

  if (self->card_browser != NULL)
    intervention = luwte_card_browser_get_intervention (self->card_browser);
  if (intervention == NULL)
    return;
  if (kase == NULL)
    {
      gtk_widget_activate_action (widget, "win.show-problem", "s",
                                  _("Choose or start a case first, then add the intervention to it."));
      return;
    }
  adw_view_stack_set_visible_child_name (self->main_stack, "cases");
  luwte_case_workspace_choose_intervention (luwte_cases_page_get_workspace (self->cases_page),
                                            luwte_card_intervention_get_id (intervention));
}

/* The page's own view switcher, in the header of its first pane. */
static GtkWidget *
new_switcher (LuwteWindow *self,
              guint        page)
{
  GtkWidget *switcher = adw_view_switcher_new ();

  self->switchers[page] = ADW_VIEW_SWITCHER (switcher);
  adw_view_switcher_set_stack (ADW_VIEW_SWITCHER (switcher), self->main_stack);
  adw_view_switcher_set_policy (ADW_VIEW_SWITCHER (switcher), ADW_VIEW_SWITCHER_POLICY_NARROW);
  return switcher;
}

/* Builds the card browser, open where the officer left it. */
static void
ensure_card_browser (LuwteWindow *self)
{
  g_autofree char *last = NULL;

  if (self->card_browser != NULL || self->card == NULL)
    return;
  self->card_browser = LUWTE_CARD_BROWSER (luwte_card_browser_new ());
  /* Typing starts a card search only where the card is shown. */
  luwte_card_browser_set_key_capture_widget (self->card_browser, GTK_WIDGET (self->card_browser));
  luwte_card_browser_set_title_widget (self->card_browser, new_switcher (self, 1));
  luwte_card_browser_set_card (self->card_browser, self->card, luwte_language_from_locale ());
  last = g_settings_get_string (self->settings, "last-intervention");
  if (!luwte_card_browser_show_intervention (self->card_browser, last))
    luwte_card_browser_select_group (self->card_browser, (guint) g_settings_get_int (self->settings, "last-group"));
  g_settings_bind (self->settings, "last-intervention", self->card_browser, "intervention-id", G_SETTINGS_BIND_SET);
  adw_bin_set_child (self->card_page, GTK_WIDGET (self->card_browser));
}

static void
ensure_statistics_page (LuwteWindow *self)
{
  if (self->statistics_page != NULL || self->card == NULL)
    return;
  self->statistics_page = g_object_new (LUWTE_TYPE_STATISTICS_PAGE, NULL);
  luwte_statistics_page_set_title_widget (self->statistics_page, new_switcher (self, 2));
  luwte_statistics_page_set_card (self->statistics_page, self->card, luwte_language_from_locale ());
  luwte_statistics_page_set_store (self->statistics_page, self->store);
  adw_bin_set_child (self->statistics_bin, GTK_WIDGET (self->statistics_page));
}

static void
on_page_shown (LuwteWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (name, "card") == 0)
    ensure_card_browser (self);
  else if (g_strcmp0 (name, "statistics") == 0)
    ensure_statistics_page (self);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LuwteWindow *self = LUWTE_WINDOW (widget);
  adw_view_stack_set_visible_child_name (self->main_stack, g_variant_get_string (parameter, NULL));
}

/* A problem the user must know about, such as a change that could not be
 * stored; stays until dismissed. */
static void
show_problem_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LuwteWindow *self = LUWTE_WINDOW (widget);
  /* The toast's title is Pango markup in libadwaita 1.2: escape. */
  g_autofree char *title = g_markup_escape_text (g_variant_get_string (parameter, NULL), -1);
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 0);
  luwte_accessible_add_toast (self->toast_overlay, toast);
}

/* From the start-up reminder: the case with the overdue request. */
static void
open_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LuwteWindow *self = LUWTE_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->main_stack, "cases");
  luwte_cases_page_show_case (self->cases_page, g_variant_get_string (parameter, NULL), "messages");
}

/* Takedown requests that have had no answer past the date the officer
 * set: one toast at start-up, with the way to the case that waited
 * longest. Two indexed queries; no message is read. */
static void
remind_overdue_takedowns (LuwteWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *title = NULL;
  g_autofree char *open_label = NULL;
  AdwToast *toast;
  gint64 n;

  n = luwte_store_count_overdue_takedowns (self->store, NULL, now, &error);
  if (n > 0)
    reference = luwte_store_find_overdue_takedown_case (self->store, now, &error);
  if (error != NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return;
    }
  if (reference == NULL)
    return;

  /* Grouped as the locale groups thousands, as the statistics are. */
  title = g_strdup_printf (ngettext ("%'u takedown request has had no answer past its due date",
                                     "%'u takedown requests have had no answer past their due date", (gulong) n),
                           (guint) n);
  toast = adw_toast_new (title);
  /* TRANSLATORS: a button that opens the case with the oldest overdue
   * takedown request; %s is its reference, e.g. OOV-2026-0042 */
  open_label = g_strdup_printf (_("_Open %s"), reference);
  adw_toast_set_button_label (toast, open_label);
  adw_toast_set_action_name (toast, "win.open-case");
  adw_toast_set_action_target_value (toast, g_variant_new_string (reference));
  /* Long enough to reach its button by keyboard; the list keeps its
   * warning icons after it goes. */
  adw_toast_set_timeout (toast, 30);
  luwte_accessible_add_toast (self->toast_overlay, toast);
}

/* Ctrl+Z where no text field takes it: the deletion the toast shown
 * last offers to undo. */
static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LuwteWindow *self = LUWTE_WINDOW (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* A text field with nothing left to undo lets Ctrl+Z through; it must
   * not bring back a deletion from there. */
  if ((focus != NULL && (GTK_IS_TEXT (focus) || GTK_IS_TEXT_VIEW (focus))) ||
      !luwte_undo_toast_undo_last (self->toast_overlay))
    gtk_widget_error_bell (widget);
}

/* The reminder waits for the window's first frame: two queries over
 * every takedown request, which the officer need not wait for to see
 * the window. */
static void
on_first_frame (GdkFrameClock *clock,
                LuwteWindow   *self)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_frame, self);
  if (self->store != NULL)
    remind_overdue_takedowns (self);
}

static void
on_realize (LuwteWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_realize, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (on_first_frame), self, 0);
}

/* The municipality's details for letters; they live in the case
 * database, so there is nothing to set without one. */
static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LuwteWindow *self = LUWTE_WINDOW (widget);

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (luwte_preferences_window_new (GTK_WINDOW (self), self->store)));
}

static void
luwte_window_dispose (GObject *object)
{
  LuwteWindow *self = LUWTE_WINDOW (object);

  /* The switchers live inside the stack's pages and hold the stack's page
   * list: let go of it, or the pages keep each other alive. */
  for (guint i = 0; i < G_N_ELEMENTS (self->switchers); i++)
    if (self->switchers[i] != NULL)
      {
        adw_view_switcher_set_stack (self->switchers[i], NULL);
        self->switchers[i] = NULL;
      }

  G_OBJECT_CLASS (luwte_window_parent_class)->dispose (object);
}

static void
luwte_window_finalize (GObject *object)
{
  LuwteWindow *self = (LuwteWindow *) object;

  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->card);

  G_OBJECT_CLASS (luwte_window_parent_class)->finalize (object);
}

static void
luwte_window_class_init (LuwteWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = luwte_window_dispose;
  object_class->finalize = luwte_window_finalize;
  window_class->close_request = luwte_window_close_request;

  g_type_ensure (LUWTE_TYPE_CASES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LuwteWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LuwteWindow, cases_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteWindow, card_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteWindow, statistics_bin);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_install_action (widget_class, "win.show-problem", "s", show_problem_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.add-to-case", NULL, add_to_case_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (widget_class, "win.open-case", "s", open_case_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-case", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "win.show-page", "s", "cases");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, "win.show-page", "s", "card");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, "win.show-page", "s", "statistics");
}

static void
luwte_window_init (LuwteWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* One switcher per page; the others' come with their pages. */
  luwte_cases_page_set_title_widget (self->cases_page, new_switcher (self, 0));
  g_signal_connect_object (self->main_stack, "notify::visible-child", G_CALLBACK (on_page_shown),
                           self, G_CONNECT_SWAPPED);
}

/**
 * luwte_window_new:
 * @application: (nullable): the application
 * @card: the card to show
 * @card_problem: (nullable): why the user's own card was not used
 * @store: (nullable): the case database
 * @store_problem: (nullable): why it could not be opened
 */
LuwteWindow *
luwte_window_new (GtkApplication *application,
                  LuwteCard      *card,
                  const GError   *card_problem,
                  LuwteStore     *store,
                  const GError   *store_problem)
{
  LuwteWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (LUWTE_IS_CARD (card), NULL);

  self = g_object_new (LUWTE_TYPE_WINDOW, "application", application, NULL);
  luwte_cases_page_set_card (self->cases_page, card, luwte_language_from_locale ());
  luwte_cases_page_set_store (self->cases_page, store, store_problem);
  g_set_object (&self->store, store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.preferences", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-case", store != NULL);
  g_set_object (&self->card, card);

  if (card_problem != NULL)
    {
      g_autofree char *problem = g_markup_escape_text (card_problem->message, -1);
      /* The toast's title is Pango markup in libadwaita 1.2: escape. */
      g_autofree char *title = g_strdup_printf (_("Your own card was not used: %s. The built-in card is shown."),
                                                problem);
      AdwToast *toast = adw_toast_new (title);

      /* Stays until dismissed: the user should fix their card. */
      adw_toast_set_timeout (toast, 0);
      luwte_accessible_add_toast (self->toast_overlay, toast);
    }
  g_signal_connect (self, "realize", G_CALLBACK (on_realize), NULL);
  /* The officer starts in the list (typing there searches), not on the
   * button of a toast. */
  luwte_cases_page_focus_list (self->cases_page);

  return self;
}

/* Returns: (transfer none): the card browser, built now if it was not */
LuwteCardBrowser *
luwte_window_get_card_browser (LuwteWindow *self)
{
  g_return_val_if_fail (LUWTE_IS_WINDOW (self), NULL);
  ensure_card_browser (self);
  return self->card_browser;
}

LuwteCasesPage *
luwte_window_get_cases_page (LuwteWindow *self)
{
  g_return_val_if_fail (LUWTE_IS_WINDOW (self), NULL);
  return self->cases_page;
}

void
luwte_window_show_page (LuwteWindow *self,
                        const char  *name)
{
  g_return_if_fail (LUWTE_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->main_stack, name);
}

/* Returns: (transfer none): the statistics page, built now if it was not */
LuwteStatisticsPage *
luwte_window_get_statistics_page (LuwteWindow *self)
{
  g_return_val_if_fail (LUWTE_IS_WINDOW (self), NULL);
  ensure_statistics_page (self);
  return self->statistics_page;
}
