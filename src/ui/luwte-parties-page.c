/* luwte-parties-page.c — who is involved in a case
 *
 * A form to add a party in its role (or pick one from the address book of
 * everyone added before), and the case's parties below it. Removing one
 * shows a toast with Undo, which brings the same party back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-parties"

#include "config.h"

#include "luwte-parties-page.h"
#include "luwte-page.h"
#include "luwte-read-only.h"
#include "luwte-accessible.h"
#include "luwte-removal.h"
#include "luwte-undo-toast.h"
#include "luwte-party.h"

#include <glib/gi18n.h>

struct _LuwtePartiesPage
{
  AdwBin               parent_instance;

  LuwteStore          *store;
  LuwteCase           *kase;
  GPtrArray           *parties;     /* LuwteParty, as listed */
  GPtrArray           *rows;        /* GtkWidget, borrowed */
  LuwteRemoval        *removed;     /* for Undo */

  AdwComboRow         *role_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *organisation_row;
  AdwEntryRow         *contact_row;
  GtkWidget           *book_button;
  GtkListBox          *book_list;
  GtkWidget           *book_popover;
  AdwPreferencesGroup *list_group;
};

G_DEFINE_FINAL_TYPE (LuwtePartiesPage, luwte_parties_page, ADW_TYPE_BIN)

static void on_remove_clicked (GtkButton *button, LuwtePartiesPage *self);

static void
append_row (LuwtePartiesPage *self,
            LuwteParty       *party)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
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

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title->str);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  remove_label = g_strdup_printf (_("Remove %s"), title->str);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, LUWTE_EDIT_ONLY);
  gtk_widget_set_tooltip_text (remove, _("Remove From the Case"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data (G_OBJECT (remove), "party", party);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  adw_preferences_group_add (self->list_group, row);
  g_ptr_array_add (self->parties, g_object_ref (party));
  g_ptr_array_add (self->rows, row);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), TRUE);
}

static void
refill (LuwtePartiesPage *self)
{
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->list_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->parties, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->list_group), FALSE);

  if (self->store == NULL || self->kase == NULL)
    return;
  parties = luwte_store_list_parties (self->store, self->kase, &error);
  if (parties == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
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

static void
on_remove_clicked (GtkButton        *button,
                   LuwtePartiesPage *self)
{
  LuwteParty *party = g_object_get_data (G_OBJECT (button), "party");
  guint position;

  if (g_ptr_array_find (self->parties, party, &position))
    luwte_parties_page_remove (self, position);
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
  g_autoptr(LuwteParty) party = NULL;
  g_autoptr(LuwteRemoval) removal = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LUWTE_IS_PARTIES_PAGE (self), FALSE);
  g_return_val_if_fail (position < self->parties->len, FALSE);

  party = g_object_ref (g_ptr_array_index (self->parties, position));
  removal = luwte_store_remove (self->store, LUWTE_REMOVAL_PARTY, self->kase, luwte_party_get_id (party), &error);
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
  if (!luwte_store_add_party (self->store, self->kase, party, &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-problem", "s", error->message);
      return FALSE;
    }
  append_row (self, party);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->contact_row), "");
  return TRUE;
}

static void
on_add_clicked (LuwtePartiesPage *self)
{
  luwte_parties_page_add_from_form (self);
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
luwte_parties_page_finalize (GObject *object)
{
  LuwtePartiesPage *self = (LuwtePartiesPage *) object;

  g_clear_pointer (&self->parties, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->removed);
  g_clear_object (&self->store);
  g_clear_object (&self->kase);
  G_OBJECT_CLASS (luwte_parties_page_parent_class)->finalize (object);
}

static void
luwte_parties_page_class_init (LuwtePartiesPageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_parties_page_finalize;
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

  self->parties = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form), _("New Party"));
  for (int r = 0; r < LUWTE_N_ROLES; r++)
    gtk_string_list_append (roles, luwte_role_label ((LuwteRole) r));
  self->role_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->role_row), _("Role"));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_factory (self->role_row, factory);
  luwte_accessible_name_inner (GTK_WIDGET (self->role_row), GTK_TYPE_LIST_VIEW, _("Roles"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->role_row));
  self->name_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->name_row), _("Name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->name_row));
  self->organisation_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->organisation_row), _("Organisation"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->organisation_row));
  self->contact_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->contact_row), _("Contact (phone, e-mail)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), GTK_WIDGET (self->contact_row));

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

  g_set_object (&self->store, store);
  g_set_object (&self->kase, kase);
  refill (self);
}

guint
luwte_parties_page_get_n_parties (LuwtePartiesPage *self)
{
  g_return_val_if_fail (LUWTE_IS_PARTIES_PAGE (self), 0);
  return self->parties->len;
}
