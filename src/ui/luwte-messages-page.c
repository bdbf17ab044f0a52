/* luwte-messages-page.c — the online messages of a case
 *
 * A form for a message found online (where, who, when, what) with a
 * screenshot from a file or dropped on the page, and the case's messages
 * below it. Each message opens to what was written down about it, which
 * can be corrected, and to the request to take it down: its
 * state, since when, how it went out and by when an answer is due,
 * stored as the user types, like the other pages. A request without an
 * answer past that date says so in its row and on top of the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-messages"

#include "config.h"

#include "luwte-messages-page.h"
#include "luwte-autosave.h"
#include "luwte-page.h"
#include "luwte-read-only.h"
#include "luwte-accessible.h"
#include "luwte-evidence.h"
#include "luwte-link.h"
#include "luwte-screenshot-viewer.h"
#include "luwte-time.h"
#include "luwte-time-entry.h"
#include "luwte-removal.h"
#include "luwte-undo-toast.h"

#include <glib/gi18n.h>


typedef struct _MessageRow MessageRow;

struct _LuwteMessagesPage
{
  AdwBin               parent_instance;

  LuwteStore          *store;
  LuwteCase           *kase;
  GBytes              *screenshot;   /* attached, not yet stored */
  GPtrArray           *rows;         /* MessageRow */
  LuwteRemoval        *removed;      /* for Undo */

  GtkWidget           *reminder;
  GtkLabel            *reminder_label;
  AdwEntryRow         *url_row;
  AdwEntryRow         *platform_row;
  AdwEntryRow         *account_row;
  AdwEntryRow         *posted_row;
  AdwEntryRow         *description_row;
  GtkLabel            *attached_label;
  AdwPreferencesGroup *list_group;
};

G_DEFINE_FINAL_TYPE (LuwteMessagesPage, luwte_messages_page, ADW_TYPE_BIN)

enum {
  TAKEDOWNS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A message as a row that opens to where its takedown request stands. */
struct _MessageRow
{
  LuwteMessagesPage *page;
  LuwteEvidence     *item;
  GtkWidget         *expander;
  GtkWidget         *overdue_badge;   /* icon and words in the header */
  GtkWidget         *overdue_row;     /* what to do, inside */
  AdwEntryRow       *url_row;         /* the message itself, correctable */
  AdwEntryRow       *platform_row;
  AdwEntryRow       *account_row;
  AdwEntryRow       *posted_row;
  AdwEntryRow       *description_row;
  GtkWidget         *open_button;
  AdwComboRow       *state_row;
  AdwEntryRow       *at_row;
  AdwEntryRow       *channel_row;
  AdwEntryRow       *due_row;
  gboolean           filling;
  LuwteAutosave      autosave;
  gboolean           at_typed;        /* the date was typed, not left to "now" */
  gboolean           posted_typed;    /* the time it was posted was typed anew */
  gboolean           takedown_changed; /* the request was changed, not only the message */
};

static void
show_problem (LuwteMessagesPage *self,
              const char        *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message);
}

#define DATE_FORMAT "%d-%m-%Y"

/* Where the request stands, in words: "Requested on 30-11-2026 via
 * e-mail, answer due 02-12-2026". */
static char *
describe_takedown (LuwteEvidence *item)
{
  LuwteTakedown state = luwte_evidence_get_takedown (item);
  g_autofree char *at = luwte_time_format_local (luwte_evidence_get_takedown_at (item), DATE_FORMAT);
  g_autofree char *due = luwte_time_format_local (luwte_evidence_get_takedown_due (item), DATE_FORMAT);
  const char *channel = luwte_evidence_get_takedown_channel (item);
  GString *text = g_string_new (NULL);

  switch (state)
    {
    case LUWTE_TAKEDOWN_NOT_REQUESTED:
      g_string_append (text, _("Takedown not requested"));
      break;
    case LUWTE_TAKEDOWN_REQUESTED:
      /* TRANSLATORS: %s is a date such as 30-11-2026 */
      g_string_append_printf (text, *at != '\0' ? _("Requested on %s") : _("Requested"), at);
      break;
    case LUWTE_TAKEDOWN_ACKNOWLEDGED:
      /* TRANSLATORS: the platform said it received the request; %s is a date */
      g_string_append_printf (text, *at != '\0' ? _("Acknowledged on %s") : _("Acknowledged"), at);
      break;
    case LUWTE_TAKEDOWN_REMOVED:
      /* TRANSLATORS: the message was taken down; %s is a date */
      g_string_append_printf (text, *at != '\0' ? _("Removed on %s") : _("Removed"), at);
      break;
    case LUWTE_TAKEDOWN_REFUSED:
      /* TRANSLATORS: the platform refused to take it down; %s is a date */
      g_string_append_printf (text, *at != '\0' ? _("Refused on %s") : _("Refused"), at);
      break;
    case LUWTE_TAKEDOWN_NO_ANSWER:
    default:
      /* TRANSLATORS: no answer came by the date the answer was due; %s is that date */
      g_string_append_printf (text, *due != '\0' || *at != '\0' ? _("No answer by %s") : _("No answer"),
                              *due != '\0' ? due : at);
      break;
    }
  if (state != LUWTE_TAKEDOWN_NOT_REQUESTED && channel != NULL && *channel != '\0')
    /* TRANSLATORS: how the request went out, e.g. " via e-mail" */
    g_string_append_printf (text, _(" via %s"), channel);
  if ((state == LUWTE_TAKEDOWN_REQUESTED || state == LUWTE_TAKEDOWN_ACKNOWLEDGED) && *due != '\0')
    /* TRANSLATORS: by when the platform should answer; %s is a date */
    g_string_append_printf (text, _(", answer due %s"), due);
  return g_string_free (text, FALSE);
}

static gboolean
row_is_overdue (MessageRow *row)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return luwte_evidence_is_overdue (row->item, now);
}

/* The header says what the message is and where its request stands; an
 * overdue request says so in the header and, opened, what to do. */
static void name_lists (GtkWidget  *widget,
                        const char *header,
                        const char *content,
                        guint      *n_named);

static void
update_header (MessageRow *row)
{
  LuwteEvidence *item = row->item;
  g_autofree char *posted = luwte_time_format_local (luwte_evidence_get_posted_at (item), "%d-%m-%Y %H:%M");
  g_autofree char *takedown = describe_takedown (item);
  g_autoptr(GString) subtitle = g_string_new (luwte_evidence_get_platform (item));
  gboolean overdue = row_is_overdue (row);

  if (*luwte_evidence_get_account (item) != '\0')
    g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", luwte_evidence_get_account (item));
  if (*posted != '\0')
    g_string_append_printf (subtitle, subtitle->len > 0 ? " · %s" : "%s", posted);
  g_string_append_printf (subtitle, subtitle->len > 0 ? "\n%s" : "%s", takedown);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), luwte_evidence_get_url (item));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle->str);
  gtk_widget_set_sensitive (row->open_button, luwte_link_can_open (luwte_evidence_get_url (item)));
  gtk_widget_set_visible (row->overdue_badge, overdue);
  gtk_widget_set_visible (row->overdue_row, overdue);

  /* What a screen reader says of the row: the address, then the rest. */
  if (overdue)
    g_string_append_printf (subtitle, "\n%s", gtk_widget_get_tooltip_text (row->overdue_badge));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, luwte_evidence_get_url (item),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str,
                                  -1);
  {
    g_autofree char *content = g_strdup_printf (_("Takedown request of %s"), luwte_evidence_get_url (item));
    guint n_named = 0;

    name_lists (row->expander, luwte_evidence_get_url (item), content, &n_named);
  }
}

/* The box on top: how many requests of this case wait past their date. */
static void
update_reminder (LuwteMessagesPage *self)
{
  guint n = luwte_messages_page_get_n_overdue (self);
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->reminder, n > 0);
  if (n == 0)
    return;
  text = g_strdup_printf (ngettext ("%u takedown request of this case has had no answer past its due date.",
                                    "%u takedown requests of this case have had no answer past their due date.", n),
                          n);
  gtk_label_set_text (self->reminder_label, text);
}

static void
takedowns_changed (LuwteMessagesPage *self)
{
  update_reminder (self);
  g_signal_emit (self, signals[TAKEDOWNS_CHANGED], 0);
}

static void
fill_at (MessageRow *row)
{
  g_autofree char *at = luwte_time_format_local (luwte_evidence_get_takedown_at (row->item), "%F %R");

  row->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (row->at_row), at);
  row->filling = FALSE;
  row->at_typed = FALSE;
}

/* The message as corrected in its row, when it differs from what is
 * stored. An empty address and a time not (yet) readable are marked and
 * kept as they were; the rest is stored.
 * Returns: %FALSE when it could not be stored (the user was told) */
static gboolean
save_details (MessageRow *row)
{
  LuwteMessagesPage *self = row->page;
  LuwteEvidence *item = row->item;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row->url_row))));
  g_autofree char *posted = row->posted_typed ? luwte_time_parse_typed (gtk_editable_get_text (GTK_EDITABLE (row->posted_row)))
                                              : NULL;
  LuwteEvidenceEdit edit = {
    .url = *url != '\0' ? url : NULL,
    .platform = gtk_editable_get_text (GTK_EDITABLE (row->platform_row)),
    .account = gtk_editable_get_text (GTK_EDITABLE (row->account_row)),
    .posted_at = posted,
    .description = gtk_editable_get_text (GTK_EDITABLE (row->description_row)),
  };

  if (*url == '\0')
    gtk_widget_add_css_class (GTK_WIDGET (row->url_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->url_row), "error");
  if (row->posted_typed && posted == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row->posted_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row->posted_row), "error");

  if ((edit.url == NULL || g_str_equal (edit.url, luwte_evidence_get_url (item))) &&
      g_str_equal (edit.platform, luwte_evidence_get_platform (item)) &&
      g_str_equal (edit.account, luwte_evidence_get_account (item)) &&
      g_str_equal (edit.description, luwte_evidence_get_description (item)) &&
      edit.posted_at == NULL)
    return TRUE;
  if (!luwte_store_update_evidence (self->store, self->kase, item, &edit, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  if (posted != NULL)
    row->posted_typed = FALSE;
  return TRUE;
}

/* A typed time that cannot be read is marked and left out; the rest is
 * still stored. A state chosen without a typed date is as of now. The
 * takedown request is written only when it was changed: a corrected
 * address is no step in the request. */
static gboolean
save_row (gpointer data)
{
  MessageRow *row = data;
  LuwteMessagesPage *self = row->page;
  g_autoptr(GError) error = NULL;
  g_autofree char *at = NULL;
  g_autofree char *due = luwte_time_parse_typed (gtk_editable_get_text (GTK_EDITABLE (row->due_row)));
  LuwteTakedownUpdate update = { 0 };
  gboolean at_readable = TRUE;
  gboolean at_given;

  luwte_autosave_stop (&row->autosave);
  if (self->store == NULL || self->kase == NULL)
    return TRUE;
  if (!save_details (row))
    return FALSE;
  if (!row->takedown_changed)
    {
      row->autosave.dirty = FALSE;
      update_header (row);
      return TRUE;
    }

  update.state = (LuwteTakedown) adw_combo_row_get_selected (row->state_row);
  if (row->at_typed)
    {
      at = luwte_time_parse_typed (gtk_editable_get_text (GTK_EDITABLE (row->at_row)));
      at_readable = at != NULL;
    }
  at_given = at != NULL && *at != '\0';
  if (!at_given)
    {
      g_free (at);
      /* NULL: now, for a new state; the same state keeps its date. */
      at = update.state == luwte_evidence_get_takedown (row->item)
           ? g_strdup (luwte_evidence_get_takedown_at (row->item)) : NULL;
    }
  update.at = at;
  update.channel = gtk_editable_get_text (GTK_EDITABLE (row->channel_row));
  update.due = due;   /* NULL (unreadable) keeps, "" clears */

  if (at_readable)
    gtk_widget_remove_css_class (GTK_WIDGET (row->at_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row->at_row), "error");
  if (due != NULL)
    gtk_widget_remove_css_class (GTK_WIDGET (row->due_row), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (row->due_row), "error");

  if (!luwte_store_update_takedown (self->store, self->kase, row->item, &update, &error))
    {
      /* Still dirty: the next flush tries again. */
      show_problem (self, error->message);
      return FALSE;
    }
  row->autosave.dirty = FALSE;
  row->takedown_changed = FALSE;
  /* Show the date the store has; a typed one is stored now, and the
   * next state chosen is as of its own moment again. */
  if (!at_given && at_readable)
    fill_at (row);
  else if (at_readable)
    row->at_typed = FALSE;
  update_header (row);
  takedowns_changed (self);
  return TRUE;
}

static void
schedule_save (MessageRow *row)
{
  if (row->filling)
    return;
  luwte_autosave_changed (&row->autosave);
}

static void
on_takedown_changed (MessageRow *row)
{
  if (row->filling)
    return;
  row->takedown_changed = TRUE;
  schedule_save (row);
}

static void
on_posted_changed (MessageRow *row)
{
  if (row->filling)
    return;
  row->posted_typed = TRUE;
  schedule_save (row);
}

static void
on_at_changed (MessageRow *row)
{
  if (row->filling)
    return;
  row->at_typed = TRUE;
  on_takedown_changed (row);
}

/* Saving is the owner's job (flush) while the widgets are on screen;
 * here the row only lets go of them. */
static void
message_row_free (MessageRow *row)
{
  luwte_autosave_stop (&row->autosave);
  g_signal_handlers_disconnect_by_data (row->state_row, row);
  g_signal_handlers_disconnect_by_data (row->at_row, row);
  g_signal_handlers_disconnect_by_data (row->channel_row, row);
  g_signal_handlers_disconnect_by_data (row->due_row, row);
  g_clear_object (&row->item);
  g_object_unref (row->expander);
  g_free (row);
}

static void
on_remove_clicked (MessageRow *row)
{
  LuwteMessagesPage *self = row->page;
  guint position;

  if (g_ptr_array_find (self->rows, row, &position))
    luwte_messages_page_remove (self, position);
}

/* A row inside the expander for what is no row of its own kind, named
 * for a screen reader. */
static GtkWidget *
add_plain_row (MessageRow *row,
               GtkWidget  *child,
               const char *name)
{
  GtkWidget *list_row = gtk_list_box_row_new ();

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (list_row), child);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (list_row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), list_row);
  return list_row;
}

/* The expander's two lists, its header and what it opens to, which
 * libadwaita 1.2 leaves unnamed. */
static void
name_lists (GtkWidget  *widget,
            const char *header,
            const char *content,
            guint      *n_named)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL && *n_named < 2; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX (child))
        {
          gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          *n_named == 0 ? header : content, -1);
          (*n_named)++;
        }
      else
        name_lists (child, header, content, n_named);
    }
}

/* A warning icon with words, in the warning colour. */
static GtkWidget *
warning_box (const char *text,
             gboolean    wrap)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  /* A wrapping label takes the width there is, not a guess of its own. */
  gtk_widget_set_hexpand (label, wrap);
  gtk_widget_set_valign (icon, wrap ? GTK_ALIGN_START : GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "warning");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
on_show_screenshot (MessageRow *row)
{
  if (row->page->store != NULL)
    luwte_screenshot_viewer_show (GTK_WIDGET (row->page), row->page->store, row->item);
}

static void
on_open_clicked (MessageRow *row,
                 GtkWidget  *button)
{
  luwte_link_open (button, luwte_evidence_get_url (row->item));
}

static void
on_copy_clicked (MessageRow *row,
                 GtkWidget  *button)
{
  luwte_link_copy (button, luwte_evidence_get_url (row->item));
}

static MessageRow *
add_row (LuwteMessagesPage *self,
         LuwteEvidence     *item)
{
  MessageRow *row = g_new0 (MessageRow, 1);

  luwte_autosave_init (&row->autosave, save_row, row);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();
  g_autofree char *at = luwte_time_format_local (luwte_evidence_get_takedown_at (item), "%F %R");
  g_autofree char *due = luwte_time_format_local (luwte_evidence_get_takedown_due (item), "%F %R");

  row->page = self;
  row->item = g_object_ref (item);
  row->filling = TRUE;

  /* Held until the row is freed: its widgets live as long as it does. */
  row->expander = g_object_ref_sink (adw_expander_row_new ());
  /* An address is shown as typed, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  luwte_page_follow_expander (ADW_EXPANDER_ROW (row->expander));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), luwte_evidence_get_url (item));

  row->overdue_badge = warning_box (_("Answer overdue"), FALSE);
  gtk_widget_set_valign (row->overdue_badge, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (row->overdue_badge, _("No answer since the due date"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row->expander), row->overdue_badge);

  {
    const char *text = _("No answer since the due date: send a reminder or escalate, or record the answer below.");
    GtkWidget *box = warning_box (text, TRUE);

    gtk_widget_set_margin_top (box, 12);
    gtk_widget_set_margin_bottom (box, 12);
    gtk_widget_set_margin_start (box, 12);
    gtk_widget_set_margin_end (box, 12);
    row->overdue_row = add_plain_row (row, box, text);
  }

  {
    /* The message itself, correctable: a typing error in an address
     * would send a takedown request to the wrong page. Open and copy
     * stay there in a closed case too, and take the stored address. */
    g_autofree char *posted = luwte_time_format_local (luwte_evidence_get_posted_at (item), "%F %R");
    GtkWidget *open = gtk_button_new_from_icon_name ("web-browser-symbolic");
    GtkWidget *copy = gtk_button_new_from_icon_name ("edit-copy-symbolic");

    row->url_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), _("Address (URL)"),
                                             luwte_evidence_get_url (item));
    for (GtkWidget *button = open; button != NULL; button = button == open ? copy : NULL)
      {
        gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
        gtk_widget_add_css_class (button, "flat");
        adw_entry_row_add_suffix (row->url_row, button);
      }
    row->open_button = open;
    gtk_widget_set_tooltip_text (open, _("Open in the Browser"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Open the message in the browser"), -1);
    gtk_widget_set_tooltip_text (copy, _("Copy the Address"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Copy the message's address"), -1);
    g_signal_connect_swapped (open, "clicked", G_CALLBACK (on_open_clicked), row);
    g_signal_connect_swapped (copy, "clicked", G_CALLBACK (on_copy_clicked), row);
    row->platform_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), _("Platform"),
                                                  luwte_evidence_get_platform (item));
    row->account_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), _("Account"),
                                                 luwte_evidence_get_account (item));
    row->posted_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander),
                                                _("Posted At (e.g. 2026-12-31 18:00)"), posted);
    luwte_time_entry_follow (GTK_WIDGET (row->posted_row));
    row->description_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), _("What It Says"),
                                                     luwte_evidence_get_description (item));
  }

  for (int t = LUWTE_TAKEDOWN_NOT_REQUESTED; t <= LUWTE_TAKEDOWN_NO_ANSWER; t++)
    gtk_string_list_append (states, luwte_takedown_label ((LuwteTakedown) t));
  row->state_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->state_row), _("Takedown Request"));
  adw_combo_row_set_model (row->state_row, G_LIST_MODEL (states));
  adw_combo_row_set_factory (row->state_row, factory);
  adw_combo_row_set_selected (row->state_row, luwte_evidence_get_takedown (item));
  luwte_accessible_name_inner (GTK_WIDGET (row->state_row), GTK_TYPE_LIST_VIEW, _("Takedown states"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), GTK_WIDGET (row->state_row));

  row->at_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), _("Requested On / State Since (e.g. 2026-11-30 10:00)"), at);
  luwte_time_entry_follow (GTK_WIDGET (row->at_row));
  row->channel_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), _("Channel (e.g. e-mail, webform, trusted flagger)"),
                                         luwte_evidence_get_takedown_channel (item));
  row->due_row = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), _("Answer Due By (e.g. 2026-12-02 10:00)"), due);
  luwte_time_entry_follow (GTK_WIDGET (row->due_row));

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
    GtkWidget *heading = gtk_label_new (_("Screenshot SHA-256"));
    const char *sha256 = luwte_evidence_get_sha256 (item);
    GtkWidget *value = gtk_label_new (sha256 != NULL ? sha256 : _("No screenshot kept"));

    /* Laid out as the rows around it: a title, the value below. */
    gtk_widget_set_margin_top (box, 9);
    gtk_widget_set_margin_bottom (box, 9);
    gtk_widget_set_margin_start (box, 12);
    gtk_widget_set_margin_end (box, 12);
    gtk_label_set_xalign (GTK_LABEL (heading), 0);
    gtk_label_set_xalign (GTK_LABEL (value), 0);
    gtk_label_set_wrap (GTK_LABEL (value), TRUE);
    gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_CHAR);
    gtk_widget_add_css_class (value, "caption");
    if (sha256 != NULL)
      {
        /* To compare with the file kept elsewhere: copyable. */
        gtk_label_set_selectable (GTK_LABEL (value), TRUE);
        gtk_widget_add_css_class (value, "monospace");
        gtk_accessible_update_property (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_PROPERTY_LABEL, sha256, -1);
      }
    else
      gtk_widget_add_css_class (value, "dim-label");
    gtk_box_append (GTK_BOX (box), heading);
    gtk_box_append (GTK_BOX (box), value);
    if (luwte_evidence_has_screenshot (item))
      {
        GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
        GtkWidget *show = gtk_button_new_from_icon_name ("image-x-generic-symbolic");

        gtk_widget_set_hexpand (box, TRUE);
        gtk_widget_set_valign (show, GTK_ALIGN_CENTER);
        gtk_widget_set_margin_end (show, 12);
        gtk_widget_add_css_class (show, "flat");
        gtk_widget_set_tooltip_text (show, _("Show the Screenshot"));
        gtk_accessible_update_property (GTK_ACCESSIBLE (show), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _("Show the screenshot of the message"), -1);
        g_signal_connect_swapped (show, "clicked", G_CALLBACK (on_show_screenshot), row);
        gtk_box_append (GTK_BOX (line), box);
        gtk_box_append (GTK_BOX (line), show);
        box = line;
      }
    add_plain_row (row, box, gtk_label_get_text (GTK_LABEL (heading)));
  }

  {
    GtkWidget *remove_row = adw_action_row_new ();
    GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove From the Case"));

    gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (remove, "destructive-action");
    gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Remove this message from the case"), -1);
    g_signal_connect_swapped (remove, "clicked", G_CALLBACK (on_remove_clicked), row);
    adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
    gtk_accessible_update_property (GTK_ACCESSIBLE (remove_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Remove this message from the case"), -1);
    gtk_widget_add_css_class (remove_row, LUWTE_EDIT_ONLY);
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), remove_row);
  }

  g_signal_connect_swapped (row->url_row, "changed", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->platform_row, "changed", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->account_row, "changed", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->posted_row, "changed", G_CALLBACK (on_posted_changed), row);
  g_signal_connect_swapped (row->description_row, "changed", G_CALLBACK (schedule_save), row);
  g_signal_connect_swapped (row->state_row, "notify::selected", G_CALLBACK (on_takedown_changed), row);
  g_signal_connect_swapped (row->at_row, "changed", G_CALLBACK (on_at_changed), row);
  g_signal_connect_swapped (row->channel_row, "changed", G_CALLBACK (on_takedown_changed), row);
  g_signal_connect_swapped (row->due_row, "changed", G_CALLBACK (on_takedown_changed), row);

  update_header (row);
  adw_preferences_group_add (self->list_group, row->expander);
  g_ptr_array_add (self->rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), TRUE);
  /* The rows are made anew each time the page is shown: a closed case's
   * read as the rest of the page. */
  luwte_read_only_follow (GTK_WIDGET (self), row->expander);
  row->filling = FALSE;
  return row;
}

static void
clear_rows (LuwteMessagesPage *self)
{
  luwte_messages_page_flush (self);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, ((MessageRow *) g_ptr_array_index (self->rows, i))->expander);
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);
}

/* Shows the messages of the case, as stored. */
static void
fill (LuwteMessagesPage *self)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && self->kase != NULL)
    {
      items = luwte_store_list_evidence (self->store, self->kase, &error);
      if (items == NULL)
        show_problem (self, error->message);
      for (guint i = 0; items != NULL && i < items->len; i++)
        add_row (self, g_ptr_array_index (items, i));
    }
  update_reminder (self);
}

static void
refill (LuwteMessagesPage *self)
{
  clear_rows (self);
  fill (self);
  takedowns_changed (self);
}

/**
 * luwte_messages_page_attach_file:
 *
 * Reads a screenshot to go with the next message; a file that is no
 * picture is refused now, not when the message is added.
 */
gboolean
luwte_messages_page_attach_file (LuwteMessagesPage *self,
                                 GFile             *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) clean = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes != NULL)
    clean = luwte_evidence_strip_metadata (bytes, &error);
  if (clean == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not attached: %s"), name, error->message);
      show_problem (self, message);
      return FALSE;
    }
  g_clear_pointer (&self->screenshot, g_bytes_unref);
  self->screenshot = g_steal_pointer (&bytes);
  /* TRANSLATORS: the file attached to the next message */
  text = g_strdup_printf (_("Screenshot: %s"), name);
  gtk_label_set_text (self->attached_label, text);
  return TRUE;
}

static void
on_file_chosen (GtkNativeDialog   *dialog,
                int                response,
                LuwteMessagesPage *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  if (file != NULL)
    luwte_messages_page_attach_file (self, file);
}

static void
on_attach_clicked (LuwteMessagesPage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  gtk_file_filter_set_name (filter, _("Pictures"));
  gtk_file_filter_add_pixbuf_formats (filter);
  dialog = gtk_file_chooser_native_new (_("Attach a Screenshot"), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
on_drop (GtkDropTarget     *target,
         const GValue      *value,
         double             x,
         double             y,
         LuwteMessagesPage *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE))
    return FALSE;
  return luwte_messages_page_attach_file (self, g_value_get_object (value));
}

/* Adds the message in the form, with the attached screenshot. */
gboolean
luwte_messages_page_add_from_form (LuwteMessagesPage *self)
{
  g_autoptr(LuwteEvidence) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *posted = NULL;
  LuwteEvidenceNew entry = { 0 };

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);

  if (self->store == NULL || self->kase == NULL)
    return FALSE;
  entry.url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  if (*entry.url == '\0')
    {
      show_problem (self, _("A message needs at least its address (URL)."));
      return FALSE;
    }
  posted = luwte_time_parse_typed (gtk_editable_get_text (GTK_EDITABLE (self->posted_row)));
  if (posted == NULL)
    {
      show_problem (self, _("When it was posted is not a time; write it as 2026-12-31 18:00."));
      return FALSE;
    }
  entry.platform = gtk_editable_get_text (GTK_EDITABLE (self->platform_row));
  entry.account = gtk_editable_get_text (GTK_EDITABLE (self->account_row));
  entry.posted_at = *posted != '\0' ? posted : NULL;
  entry.description = gtk_editable_get_text (GTK_EDITABLE (self->description_row));

  item = luwte_store_add_evidence (self->store, self->kase, &entry, self->screenshot, &error);
  if (item == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  add_row (self, item);
  g_clear_pointer (&self->screenshot, g_bytes_unref);
  gtk_label_set_text (self->attached_label, _("No screenshot attached. Drop a picture here or choose one."));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->account_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->posted_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), "");
  return TRUE;
}

static void
on_add_clicked (LuwteMessagesPage *self)
{
  luwte_messages_page_add_from_form (self);
}

/* Enter in the form adds the message, as the button does. */
static void
on_form_entry_activated (LuwteMessagesPage *self)
{
  if (!luwte_read_only_get (GTK_WIDGET (self)) && luwte_messages_page_add_from_form (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}

static AdwEntryRow *
add_entry (GtkWidget  *group,
           const char *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
  return row;
}

/* Read again whenever the page comes back: a letter sent from the
 * Letters page changes its messages' takedown state, and time passes, so
 * what was not overdue may be now. */
static void
on_map (LuwteMessagesPage *self)
{
  if (self->store != NULL && self->kase != NULL)
    refill (self);
  else
    update_reminder (self);
}

static void
luwte_messages_page_dispose (GObject *object)
{
  LuwteMessagesPage *self = (LuwteMessagesPage *) object;

  /* What is waiting is stored while the widgets still hold it. */
  if (self->rows != NULL)
    {
      luwte_messages_page_flush (self);
      g_ptr_array_set_size (self->rows, 0);
    }
  G_OBJECT_CLASS (luwte_messages_page_parent_class)->dispose (object);
}

static void
luwte_messages_page_finalize (GObject *object)
{
  LuwteMessagesPage *self = (LuwteMessagesPage *) object;

  g_clear_pointer (&self->screenshot, g_bytes_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->removed);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  G_OBJECT_CLASS (luwte_messages_page_parent_class)->finalize (object);
}

static void
luwte_messages_page_class_init (LuwteMessagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = luwte_messages_page_dispose;
  object_class->finalize = luwte_messages_page_finalize;

  /**
   * LuwteMessagesPage::takedowns-changed:
   *
   * A takedown request was changed, or a message added back or
   * removed: whatever counts overdue requests should count again.
   */
  signals[TAKEDOWNS_CHANGED] = g_signal_new ("takedowns-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                             0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
luwte_messages_page_init (LuwteMessagesPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *form = adw_preferences_group_new ();
  GtkWidget *footer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *attach = gtk_button_new_with_mnemonic (_("Attach _Screenshot…"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Message"));
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) message_row_free);

  /* Not AdwBanner: that is libadwaita 1.3. */
  self->reminder = warning_box ("", TRUE);
  self->reminder_label = GTK_LABEL (gtk_widget_get_last_child (self->reminder));
  gtk_widget_add_css_class (self->reminder, "card");
  gtk_widget_add_css_class (self->reminder, "takedown-reminder");
  gtk_widget_set_visible (self->reminder, FALSE);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form), _("New Message"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (form),
                                         _("A message found online: where it is, who posted it, and when. Its screenshot is kept without metadata, with its SHA-256."));
  self->url_row = add_entry (form, _("Address (URL)"));
  self->platform_row = add_entry (form, _("Platform"));
  self->account_row = add_entry (form, _("Account"));
  self->posted_row = add_entry (form, _("Posted At (e.g. 2026-12-31 18:00)"));
  luwte_time_entry_follow (GTK_WIDGET (self->posted_row));
  self->description_row = add_entry (form, _("What It Says"));

  self->attached_label = GTK_LABEL (gtk_label_new (_("No screenshot attached. Drop a picture here or choose one.")));
  gtk_label_set_xalign (self->attached_label, 0);
  gtk_label_set_wrap (self->attached_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->attached_label), "dim-label");
  gtk_widget_add_css_class (add, "suggested-action");
  /* The screenshot's line across the form, the buttons under it on the
   * right, as on the Parties page: beside the buttons it was a column. */
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), attach);
  gtk_box_append (GTK_BOX (buttons), add);

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Messages of This Case"));
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);

  gtk_box_append (GTK_BOX (box), self->reminder);
  gtk_widget_add_css_class (form, LUWTE_EDIT_ONLY);
  gtk_widget_add_css_class (footer, LUWTE_EDIT_ONLY);
  gtk_box_append (GTK_BOX (box), form);
  gtk_box_append (GTK_BOX (footer), GTK_WIDGET (self->attached_label));
  gtk_box_append (GTK_BOX (footer), buttons);
  gtk_box_append (GTK_BOX (box), footer);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_group));
  luwte_page_set_scrolled_content (ADW_BIN (self), box);

  g_signal_connect_object (attach, "clicked", G_CALLBACK (on_attach_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  {
    AdwEntryRow *form_rows[] = { self->url_row, self->platform_row, self->account_row, self->posted_row,
                                 self->description_row };

    for (guint i = 0; i < G_N_ELEMENTS (form_rows); i++)
      g_signal_connect_object (form_rows[i], "entry-activated", G_CALLBACK (on_form_entry_activated),
                               self, G_CONNECT_SWAPPED);
  }
  g_signal_connect_object (drop, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/**
 * luwte_messages_page_set_case:
 * @kase: (nullable)
 */
void
luwte_messages_page_set_case (LuwteMessagesPage *self,
                              LuwteStore        *store,
                              LuwteCase         *kase)
{
  g_return_if_fail (LUWTE_IS_MESSAGES_PAGE (self));

  /* What was changed for the previous case is stored with it. */
  clear_rows (self);
  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);
  fill (self);
}

guint
luwte_messages_page_get_n_messages (LuwteMessagesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), 0);
  return self->rows->len;
}

/* How many of the case's requests wait past their due date, now. */
guint
luwte_messages_page_get_n_overdue (LuwteMessagesPage *self)
{
  guint n = 0;

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), 0);
  for (guint i = 0; i < self->rows->len; i++)
    if (row_is_overdue (g_ptr_array_index (self->rows, i)))
      n++;
  return n;
}

/**
 * luwte_messages_page_get_row:
 *
 * Returns: (transfer none): the row of the message at @position, which
 *   opens to its takedown request
 */
GtkWidget *
luwte_messages_page_get_row (LuwteMessagesPage *self,
                             guint              position)
{
  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return ((MessageRow *) g_ptr_array_index (self->rows, position))->expander;
}

/**
 * luwte_messages_page_flush:
 *
 * Stores the takedown changes still waiting for the typing delay, now.
 *
 * Returns: %FALSE when the database refused one; the user was told
 */
gboolean
luwte_messages_page_flush (LuwteMessagesPage *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    {
      MessageRow *row = g_ptr_array_index (self->rows, i);
      ok = luwte_autosave_flush (&row->autosave) && ok;
    }
  return ok;
}

static void
on_undo (LuwteMessagesPage *self)
{
  luwte_messages_page_undo_remove (self);
}

/**
 * luwte_messages_page_remove:
 *
 * Takes the message at @position, with its screenshot, out of the case;
 * the toast offers to undo it.
 */
gboolean
luwte_messages_page_remove (LuwteMessagesPage *self,
                            guint              position)
{
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  MessageRow *row;

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);
  g_return_val_if_fail (position < self->rows->len, FALSE);

  /* What was changed last is part of what Undo brings back. */
  row = g_ptr_array_index (self->rows, position);
  if (!luwte_autosave_flush (&row->autosave))
    return FALSE;
  removal = luwte_store_remove (self->store, LUWTE_REMOVAL_EVIDENCE, self->kase,
                                luwte_evidence_get_id (row->item), &error);
  if (removal == NULL)
    {
      show_problem (self, error->message);
      return FALSE;
    }
  g_set_object (&self->removed, removal);
  refill (self);
  luwte_undo_toast_show (GTK_WIDGET (self), _("Message removed from the case"), G_CALLBACK (on_undo));
  return TRUE;
}

/* Brings back the message removed last, with its screenshot. */
gboolean
luwte_messages_page_undo_remove (LuwteMessagesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_MESSAGES_PAGE (self), FALSE);

  if (self->removed == NULL || self->store == NULL)
    return FALSE;
  if (!luwte_store_undo_removal (self->store, self->removed, &error))
    {
      show_problem (self, error->message);
      return FALSE;
    }
  g_clear_object (&self->removed);
  refill (self);
  return TRUE;
}
