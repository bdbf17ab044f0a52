/* luwte-parties-page.c — who is involved in a case
 *
 * A form to add a party in its role (or pick one from the address book of
 * everyone added before), and the case's parties below it. Each opens to
 * its role, name, organisation and contact, stored as the user types.
 * Removing one shows a toast with Undo, which brings the same party back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-parties"

#include "config.h"

#include "luwte-parties-page.h"
#include "luwte-autosave.h"
#include "luwte-page.h"
#include "luwte-read-only.h"
#include "luwte-accessible.h"
#include "luwte-removal.h"
#include "luwte-undo-toast.h"
#include "luwte-party.h"

#include <glib/gi18n.h>

/* Letters by post go to it; the commas become the envelope's lines. */
#define ADDRESS_TITLE _("Postal Address (e.g. Molenlaan 140, 9569 AB Zuidwijk)")


typedef struct _PartyRow PartyRow;

struct _LuwtePartiesPage
{
  AdwBin               parent_instance;

  LuwteStore          *store;
  LuwteCase           *kase;
  GPtrArray           *rows;        /* PartyRow, as listed */
  LuwteRemoval        *removed;     /* for Undo */

  AdwComboRow         *role_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *contact_row;
  AdwEntryRow         *address_row;
  GtkWidget           *book_button;
  GtkListBox          *book_list;
  GtkWidget           *book_popover;
  AdwPreferencesGroup *list_group;
  gboolean             disposed;    /* the pages around it may be gone */
};

G_DEFINE_FINAL_TYPE (LuwtePartiesPage, luwte_parties_page, ADW_TYPE_BIN)

enum {
  PARTY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A party as a row that opens to what can be changed of it. */
struct _PartyRow
{
  LuwtePartiesPage *page;
  LuwteParty       *party;
  GtkWidget        *expander;
  AdwComboRow      *role_row;
  AdwEntryRow      *name_row;
  AdwEntryRow      *organisation_row;
  AdwEntryRow      *contact_row;
  AdwEntryRow      *address_row;
  GtkWidget        *remove;
  gboolean          filling;
  LuwteAutosave     autosave;
  gboolean          problem_shown; /* why it was refused, told once */
};

static void
show_problem (LuwtePartiesPage *self,
              const char       *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", message);
}

/* The header says who it is (name · organisation) and in what role. */
static void
update_header (PartyRow *row)
{
  LuwteParty *party = row->party;
  g_autoptr(GString) title = g_string_new (luwte_party_get_name (party));
  g_autoptr(GString) subtitle = g_string_new (luwte_role_label (luwte_party_get_role (party)));
  g_autofree char *remove_label = NULL;

  if (*luwte_party_get_organisation (party) != '\0')
    {
      if (title->len > 0)
        g_string_append (title, " · ");
      g_string_append (title, luwte_party_get_organisation (party));
    }
  if (*luwte_party_get_contact (party) != '\0')
    g_string_append_printf (subtitle, " · %s", luwte_party_get_contact (party));
  /* Where a letter by post goes, at a glance, on one line. */
  if (*luwte_party_get_address (party) != '\0')
    {
      g_auto(GStrv) lines = luwte_party_dup_address_lines (party);
      g_autofree char *address = g_strjoinv (", ", lines);

      g_string_append_printf (subtitle, " · %s", address);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->expander), title->str);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row->expander), subtitle->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title->str,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle->str,
                                  -1);
  /* TRANSLATORS: %s is a party, e.g. "J. de Vries · Politie" */
  remove_label = g_strdup_printf (_("Remove %s from the case"), title->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
}

/* What the store refuses stays on screen, marked, and is tried again at
 * the next change or flush; the database keeps what it had. */
static gboolean
save_row (gpointer data)
{
  PartyRow *row = data;
  LuwtePartiesPage *self = row->page;
  g_autoptr(GError) error = NULL;
  LuwteRole role = (LuwteRole) adw_combo_row_get_selected (row->role_row);
  LuwtePartyEdit edit = { 0 };

  luwte_autosave_stop (&row->autosave);
  if (self->store == NULL || self->kase == NULL)
    return TRUE;

  edit.role = &role;
  edit.name = gtk_editable_get_text (GTK_EDITABLE (row->name_row));
  edit.organisation = gtk_editable_get_text (GTK_EDITABLE (row->organisation_row));
  edit.contact = gtk_editable_get_text (GTK_EDITABLE (row->contact_row));
  edit.address = gtk_editable_get_text (GTK_EDITABLE (row->address_row));
  if (!luwte_store_update_party (self->store, self->kase, row->party, &edit, &error))
    {
      /* Still dirty: the next flush tries again. */
      gtk_widget_add_css_class (GTK_WIDGET (row->name_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (row->organisation_row), "error");
      /* Once while the row stays refused, not at every pause in typing:
       * the message stays until dismissed. */
      if (!row->problem_shown)
        show_problem (self, error->message);
      row->problem_shown = TRUE;
      return FALSE;
    }
  row->autosave.dirty = FALSE;
  row->problem_shown = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (row->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (row->organisation_row), "error");
  update_header (row);
  if (!self->disposed)
    g_signal_emit (self, signals[PARTY_CHANGED], 0);
  return TRUE;
}

static void
schedule_save (PartyRow *row)
{
  if (row->filling)
    return;
  luwte_autosave_changed (&row->autosave);
}

/* Saving is the owner's job (flush) while the widgets are on screen;
 * here the row only lets go of them. */
static void
party_row_free (PartyRow *row)
{
  luwte_autosave_stop (&row->autosave);
  g_signal_handlers_disconnect_by_data (row->role_row, row);
  g_signal_handlers_disconnect_by_data (row->name_row, row);
  g_signal_handlers_disconnect_by_data (row->organisation_row, row);
  g_signal_handlers_disconnect_by_data (row->contact_row, row);
  g_signal_handlers_disconnect_by_data (row->address_row, row);
  g_signal_handlers_disconnect_by_data (row->remove, row);
  g_clear_object (&row->party);
  g_object_unref (row->expander);
  g_free (row);
}

static void
on_remove_clicked (PartyRow *row)
{
  LuwtePartiesPage *self = row->page;
  guint position;

  if (g_ptr_array_find (self->rows, row, &position))
    luwte_parties_page_remove (self, position);
}

static AdwEntryRow *
add_expander_entry (PartyRow   *row,
                    const char *title,
                    const char *text)
{
  AdwEntryRow *entry = luwte_page_add_entry_row (ADW_EXPANDER_ROW (row->expander), title, text);

  g_signal_connect_swapped (entry, "changed", G_CALLBACK (schedule_save), row);
  return entry;
}

/* libadwaita's height for the role list: three roles short of all */
#define ROLE_LIST_MIN_HEIGHT 400

/* As the role list opens: as tall as the window has room for on the
 * roomier side of the row, so every role shows where it can, never
 * beyond the window, where the screen may end. */
static void
on_roles_show (GtkWidget         *popover,
               GtkScrolledWindow *scroller)
{
  GtkWidget *row = gtk_widget_get_ancestor (popover, ADW_TYPE_COMBO_ROW);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (popover));
  graphene_rect_t bounds;
  int popover_height, list_height;
  double room;

  if (row == NULL || window == NULL || !gtk_widget_compute_bounds (row, window, &bounds))
    return;
  gtk_widget_measure (popover, GTK_ORIENTATION_VERTICAL, -1, NULL, &popover_height, NULL, NULL);
  gtk_widget_measure (GTK_WIDGET (scroller), GTK_ORIENTATION_VERTICAL, -1, NULL, &list_height, NULL, NULL);
  room = MAX (bounds.origin.y, gtk_widget_get_height (window) - bounds.origin.y - bounds.size.height);
  /* Less the popover's arrow, padding and shadow */
  room -= popover_height - list_height;
  gtk_scrolled_window_set_max_content_height (scroller, MAX (ROLE_LIST_MIN_HEIGHT, (int) room));
}

/* The role list shows every role where the window has room, and keeps
 * its scrollbar in sight where it has not, so the last roles are seen
 * to be there. */
static void
show_all_roles (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *scroller = GTK_IS_POPOVER (child) ? gtk_popover_get_child (GTK_POPOVER (child)) : NULL;

      if (GTK_IS_SCROLLED_WINDOW (scroller))
        {
          gtk_scrolled_window_set_overlay_scrolling (GTK_SCROLLED_WINDOW (scroller), FALSE);
          g_signal_connect_object (child, "show", G_CALLBACK (on_roles_show), scroller, 0);
          return;
        }
      show_all_roles (child);
    }
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

static void
append_row (LuwtePartiesPage *self,
            LuwteParty       *party)
{
  PartyRow *row = g_new0 (PartyRow, 1);

  luwte_autosave_init (&row->autosave, save_row, row);
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();
  GtkWidget *remove_row = adw_action_row_new ();

  row->page = self;
  row->party = g_object_ref (party);
  row->filling = TRUE;

  /* Held until the row is freed: its widgets live as long as it does. */
  row->expander = g_object_ref_sink (adw_expander_row_new ());
  /* A name is shown as typed, never as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row->expander), FALSE);
  luwte_page_follow_expander (ADW_EXPANDER_ROW (row->expander));

  for (int r = 0; r < LUWTE_N_ROLES; r++)
    gtk_string_list_append (roles, luwte_role_label ((LuwteRole) r));
  row->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->role_row), _("Role"));
  adw_combo_row_set_model (row->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_factory (row->role_row, factory);
  adw_combo_row_set_selected (row->role_row, luwte_party_get_role (party));
  luwte_accessible_name_inner (GTK_WIDGET (row->role_row), GTK_TYPE_LIST_VIEW, _("Roles"));
  show_all_roles (GTK_WIDGET (row->role_row));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), GTK_WIDGET (row->role_row));
  g_signal_connect_swapped (row->role_row, "notify::selected", G_CALLBACK (schedule_save), row);

  row->name_row = add_expander_entry (row, _("Name"), luwte_party_get_name (party));
  row->organisation_row = add_expander_entry (row, _("Organisation"), luwte_party_get_organisation (party));
  row->contact_row = add_expander_entry (row, _("Contact (phone or e-mail)"), luwte_party_get_contact (party));
  row->address_row = add_expander_entry (row, ADDRESS_TITLE, luwte_party_get_address (party));

  row->remove = gtk_button_new_with_mnemonic (_("_Remove From the Case"));
  gtk_widget_set_valign (row->remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (row->remove, "destructive-action");
  g_signal_connect_swapped (row->remove, "clicked", G_CALLBACK (on_remove_clicked), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), row->remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this party from the case"), -1);
  gtk_widget_add_css_class (remove_row, LUWTE_EDIT_ONLY);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row->expander), remove_row);

  update_header (row);
  {
    guint n_named = 0;

    name_lists (row->expander, _("Party"), _("Details of the party"), &n_named);
  }

  adw_preferences_group_add (self->list_group, row->expander);
  g_ptr_array_add (self->rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), TRUE);
  /* A row made while the case is closed reads as the rest of the page. */
  luwte_read_only_follow (GTK_WIDGET (self), row->expander);
  row->filling = FALSE;
}

static void
refill (LuwtePartiesPage *self)
{
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;

  /* What was changed for the case shown is stored with it first. */
  luwte_parties_page_flush (self);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, ((PartyRow *) g_ptr_array_index (self->rows, i))->expander);
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);

  if (self->store == NULL || self->kase == NULL)
    return;
  parties = luwte_store_list_parties (self->store, self->kase, &error);
  if (parties == NULL)
    {
      show_problem (self, error->message);
      return;
    }
  for (guint i = 0; i < parties->len; i++)
    append_row (self, g_ptr_array_index (parties, i));
}

static void
on_undo (LuwtePartiesPage *self)
{
  luwte_parties_page_undo_remove (self);
}

/**
 * luwte_parties_page_remove:
 *
 * Removes the party at @position and offers to undo it in a toast.
 */
gboolean
luwte_parties_page_remove (LuwtePartiesPage *self,
                           guint             position)
{
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;
  PartyRow *row;

  g_return_val_if_fail (LUWTE_IS_PARTIES_PAGE (self), FALSE);
  g_return_val_if_fail (position < self->rows->len, FALSE);

  /* What was changed last is part of what Undo brings back, and the
   * rows are made anew after: nothing typed may be waiting. */
  row = g_ptr_array_index (self->rows, position);
  if (!luwte_parties_page_flush (self))
    return FALSE;
  removal = luwte_store_remove (self->store, LUWTE_REMOVAL_PARTY, self->kase, luwte_party_get_id (row->party), &error);
  if (removal == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  g_set_object (&self->removed, removal);
  refill (self);
  luwte_undo_toast_show (GTK_WIDGET (self), _("Party removed"), G_CALLBACK (on_undo));
  return TRUE;
}

/* Brings back the party removed last, with its id. */
gboolean
luwte_parties_page_undo_remove (LuwtePartiesPage *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_PARTIES_PAGE (self), FALSE);

  if (self->removed == NULL || self->store == NULL)
    return FALSE;
  /* The rows are made anew after: nothing typed may be waiting. */
  if (!luwte_parties_page_flush (self))
    return FALSE;
  if (!luwte_store_undo_removal (self->store, self->removed, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  g_clear_object (&self->removed);
  refill (self);
  return TRUE;
}

/* Adds the party in the form to the case and clears the form. */
gboolean
luwte_parties_page_add_from_form (LuwtePartiesPage *self)
{
  g_autoptr(LuwteParty) party = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_PARTIES_PAGE (self), FALSE);

  if (self->store == NULL || self->kase == NULL)
    return FALSE;
  party = luwte_party_new ((LuwteRole) adw_combo_row_get_selected (self->role_row),
                           gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                           gtk_editable_get_text (GTK_EDITABLE (self->organisation_row)),
                           gtk_editable_get_text (GTK_EDITABLE (self->contact_row)));
  luwte_party_set_address (party, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  if (!luwte_store_add_party (self->store, self->kase, party, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  append_row (self, party);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), "");
  return TRUE;
}

static void
on_add_clicked (LuwtePartiesPage *self)
{
  luwte_parties_page_add_from_form (self);
}

/* Enter in the form adds the party, as the button does. */
static void
on_form_entry_activated (LuwtePartiesPage *self)
{
  if (!luwte_read_only_get (GTK_WIDGET (self)) && luwte_parties_page_add_from_form (self))
    gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
on_book_activated (LuwtePartiesPage *self,
                   GtkListBoxRow    *row)
{
  LuwteParty *contact = g_object_get_data (G_OBJECT (row), "contact");

  gtk_popover_popdown (GTK_POPOVER (self->book_popover));
  adw_combo_row_set_selected (self->role_row, luwte_party_get_role (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), luwte_party_get_name (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), luwte_party_get_organisation (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), luwte_party_get_contact (contact));
  gtk_widget_grab_focus (GTK_WIDGET (self->contact_row));
}

static void
on_book_show (LuwtePartiesPage *self)
{
  g_autoptr(GPtrArray) contacts = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->book_list))) != NULL)
    gtk_list_box_remove (self->book_list, child);
  if (self->store == NULL)
    return;
  contacts = luwte_store_list_contacts (self->store, NULL);
  for (guint i = 0; contacts != NULL && i < contacts->len; i++)
    {
      LuwteParty *contact = g_ptr_array_index (contacts, i);
      g_autofree char *title = g_strdup_printf ("%s%s%s", luwte_party_get_name (contact),
                                                *luwte_party_get_name (contact) != '\0' && *luwte_party_get_organisation (contact) != '\0' ? " · " : "",
                                                luwte_party_get_organisation (contact));
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), luwte_role_label (luwte_party_get_role (contact)));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "contact", g_object_ref (contact), g_object_unref);
      gtk_list_box_append (self->book_list, row);
    }
}

static void
luwte_parties_page_dispose (GObject *object)
{
  LuwtePartiesPage *self = (LuwtePartiesPage *) object;

  /* What is waiting is stored while the widgets still hold it. */
  self->disposed = TRUE;
  if (self->rows != NULL)
    {
      luwte_parties_page_flush (self);
      g_ptr_array_set_size (self->rows, 0);
    }
  G_OBJECT_CLASS (luwte_parties_page_parent_class)->dispose (object);
}

static void
luwte_parties_page_finalize (GObject *object)
{
  LuwtePartiesPage *self = (LuwtePartiesPage *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->removed);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  G_OBJECT_CLASS (luwte_parties_page_parent_class)->finalize (object);
}

static void
luwte_parties_page_class_init (LuwtePartiesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = luwte_parties_page_dispose;
  object_class->finalize = luwte_parties_page_finalize;

  /**
   * LuwtePartiesPage::party-changed:
   *
   * A party's role, name, organisation or contact was stored: whatever
   * shows the log entries about it should read them again.
   */
  signals[PARTY_CHANGED] = g_signal_new ("party-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
luwte_parties_page_init (LuwtePartiesPage *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = luwte_string_item_factory_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *form = adw_preferences_group_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add to the Case"));
  GtkWidget *book_scroller = gtk_scrolled_window_new ();

  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) party_row_free);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form), _("New Party"));
  for (int r = 0; r < LUWTE_N_ROLES; r++)
    gtk_string_list_append (roles, luwte_role_label ((LuwteRole) r));
  self->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Role"));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_factory (self->role_row, factory);
  luwte_accessible_name_inner (GTK_WIDGET (self->role_row), GTK_TYPE_LIST_VIEW, _("Roles"));
  show_all_roles (GTK_WIDGET (self->role_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->role_row));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->name_row));
  self->organisation_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->organisation_row), _("Organisation"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->organisation_row));
  self->contact_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row), _("Contact (phone or e-mail)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->contact_row));
  self->address_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->address_row), ADDRESS_TITLE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->address_row));

  self->book_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->book_list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->book_list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Address book"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (book_scroller), GTK_WIDGET (self->book_list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (book_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (book_scroller, 360, 320);
  self->book_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->book_popover), book_scroller);
  self->book_button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->book_button), _("From the _Address Book"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (self->book_button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->book_button), self->book_popover);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->book_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Fill in from the address book"), -1);

  gtk_widget_add_css_class (add, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), self->book_button);
  gtk_box_append (GTK_BOX (buttons), add);

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->list_group, _("Parties of This Case"));
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);

  gtk_widget_add_css_class (form, LUWTE_EDIT_ONLY);
  gtk_widget_add_css_class (buttons, LUWTE_EDIT_ONLY);
  gtk_box_append (GTK_BOX (box), form);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list_group));
  luwte_page_set_scrolled_content (ADW_BIN (self), box);

  g_signal_connect_object (add, "clicked", G_CALLBACK (on_add_clicked), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "entry-activated", G_CALLBACK (on_form_entry_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->organisation_row, "entry-activated", G_CALLBACK (on_form_entry_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contact_row, "entry-activated", G_CALLBACK (on_form_entry_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->address_row, "entry-activated", G_CALLBACK (on_form_entry_activated), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->book_popover, "show", G_CALLBACK (on_book_show), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->book_list, "row-activated", G_CALLBACK (on_book_activated), self, G_CONNECT_SWAPPED);
}

/**
 * luwte_parties_page_set_case:
 * @kase: (nullable): the case whose parties to show
 */
void
luwte_parties_page_set_case (LuwtePartiesPage *self,
                             LuwteStore       *store,
                             LuwteCase        *kase)
{
  g_return_if_fail (LUWTE_IS_PARTIES_PAGE (self));

  /* What was changed for the previous case is stored with it. */
  luwte_parties_page_flush (self);
  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);
  refill (self);
}

guint
luwte_parties_page_get_n_parties (LuwtePartiesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_PARTIES_PAGE (self), 0);
  return self->rows->len;
}

/**
 * luwte_parties_page_get_row:
 *
 * Returns: (transfer none): the row of the party at @position, which
 *   opens to its role, name, organisation and contact
 */
GtkWidget *
luwte_parties_page_get_row (LuwtePartiesPage *self,
                            guint             position)
{
  g_return_val_if_fail (LUWTE_IS_PARTIES_PAGE (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);
  return ((PartyRow *) g_ptr_array_index (self->rows, position))->expander;
}

/**
 * luwte_parties_page_flush:
 *
 * Stores the party changes still waiting for the typing delay, now.
 *
 * Returns: %FALSE when the database refused one; the user was told
 */
gboolean
luwte_parties_page_flush (LuwtePartiesPage *self)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (LUWTE_IS_PARTIES_PAGE (self), FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    {
      PartyRow *row = g_ptr_array_index (self->rows, i);

      ok = luwte_autosave_flush (&row->autosave) && ok;
    }
  return ok;
}
