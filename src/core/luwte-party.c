/* luwte-party.c — the parties of a case and the address book
 *
 * A party is who is involved in a case in a role: the burgemeester, the
 * police, a parent, a platform. Everyone added to a case is remembered in
 * the address book, so the next case picks them from a list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-party"

#include "config.h"

#include "luwte-party.h"
#include "luwte-compat.h"
#include "luwte-case-private.h"

#include <glib/gi18n-lib.h>

static const char * const role_names[] = {
  "mayor", "municipality", "police", "prosecutor", "youth_work", "communications", "platform",
  "parent", "youth", "organiser", "school", "key_figure", "institution", "other",
};

G_STATIC_ASSERT (G_N_ELEMENTS (role_names) == LUWTE_N_ROLES);

const char *
luwte_role_to_string (LuwteRole role)
{
  g_return_val_if_fail (role < LUWTE_N_ROLES, NULL);
  return role_names[role];
}

gboolean
luwte_role_parse (const char *text,
                  LuwteRole  *role)
{
  for (guint i = 0; i < LUWTE_N_ROLES; i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *role = (LuwteRole) i;
        return TRUE;
      }
  return FALSE;
}

const char *
luwte_role_label (LuwteRole role)
{
  switch (role)
    {
    case LUWTE_ROLE_MAYOR: return C_("party role", "Mayor");
    case LUWTE_ROLE_MUNICIPALITY: return C_("party role", "Municipality");
    case LUWTE_ROLE_POLICE: return C_("party role", "Police");
    case LUWTE_ROLE_PROSECUTOR: return C_("party role", "Public Prosecution Service");
    case LUWTE_ROLE_YOUTH_WORK: return C_("party role", "Youth Work");
    case LUWTE_ROLE_COMMUNICATIONS: return C_("party role", "Communications");
    case LUWTE_ROLE_PLATFORM: return C_("party role", "Platform");
    case LUWTE_ROLE_PARENT: return C_("party role", "Parent or Guardian");
    case LUWTE_ROLE_YOUTH: return C_("party role", "Young Person");
    case LUWTE_ROLE_ORGANISER: return C_("party role", "Organiser or Instigator");
    case LUWTE_ROLE_SCHOOL: return C_("party role", "School");
    case LUWTE_ROLE_KEY_FIGURE: return C_("party role", "Key Figure");
    case LUWTE_ROLE_INSTITUTION: return C_("party role", "Social or Religious Institution");
    case LUWTE_ROLE_OTHER:
    default: return C_("party role", "Other");
    }
}

struct _LuwteParty
{
  GObject    parent_instance;

  gint64     id;
  LuwteRole  role;
  char      *name;
  char      *organisation;
  char      *contact;
  char      *address;   /* postal, for letters; never in the address book */
};

G_DEFINE_FINAL_TYPE (LuwteParty, luwte_party, G_TYPE_OBJECT)

static void
luwte_party_finalize (GObject *object)
{
  LuwteParty *self = (LuwteParty *) object;

  g_free (self->name);
  g_free (self->organisation);
  g_free (self->contact);
  g_free (self->address);
  G_OBJECT_CLASS (luwte_party_parent_class)->finalize (object);
}

static void
luwte_party_class_init (LuwtePartyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = luwte_party_finalize;
}

static void
luwte_party_init (LuwteParty *self)
{
}

/* Returns: (transfer full): a party not yet stored */
LuwteParty *
luwte_party_new (LuwteRole   role,
                 const char *name,
                 const char *organisation,
                 const char *contact)
{
  LuwteParty *self = g_object_new (LUWTE_TYPE_PARTY, NULL);

  self->role = role;
  self->name = g_strdup (name != NULL ? name : "");
  self->organisation = g_strdup (organisation != NULL ? organisation : "");
  self->contact = g_strdup (contact != NULL ? contact : "");
  self->address = g_strdup ("");
  return self;
}

/* For a party not yet stored; a stored one changes with
 * luwte_store_update_party(). */
void
luwte_party_set_address (LuwteParty *self,
                         const char *address)
{
  g_return_if_fail (LUWTE_IS_PARTY (self));
  luwte_set_str (&self->address, address != NULL ? address : "");
}

/**
 * luwte_party_describe:
 *
 * Returns: (transfer full): how a party reads in a list and in the log:
 *   name, organisation, role
 */
char *
luwte_party_describe (LuwteParty *self)
{
  const char *role;

  g_return_val_if_fail (LUWTE_IS_PARTY (self), NULL);

  role = luwte_role_label (self->role);
  if (*self->name != '\0' && *self->organisation != '\0')
    return g_strdup_printf ("%s, %s (%s)", self->name, self->organisation, role);
  if (*self->name != '\0' || *self->organisation != '\0')
    return g_strdup_printf ("%s (%s)", *self->name != '\0' ? self->name : self->organisation, role);
  return g_strdup (role);
}

gint64 luwte_party_get_id (LuwteParty *self) { g_return_val_if_fail (LUWTE_IS_PARTY (self), 0); return self->id; }
LuwteRole luwte_party_get_role (LuwteParty *self) { g_return_val_if_fail (LUWTE_IS_PARTY (self), 0); return self->role; }
const char *luwte_party_get_name (LuwteParty *self) { g_return_val_if_fail (LUWTE_IS_PARTY (self), NULL); return self->name; }
const char *luwte_party_get_organisation (LuwteParty *self) { g_return_val_if_fail (LUWTE_IS_PARTY (self), NULL); return self->organisation; }
const char *luwte_party_get_contact (LuwteParty *self) { g_return_val_if_fail (LUWTE_IS_PARTY (self), NULL); return self->contact; }
/**
 * luwte_party_dup_address_lines:
 *
 * The postal address as typed, on one line with commas ("Molenlaan 140,
 * 9569 AB Zuidwijk") or on lines of its own, as the lines of an envelope.
 *
 * Returns: (transfer full): its parts, trimmed, without empty ones
 */
GStrv
luwte_party_dup_address_lines (LuwteParty *self)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  g_return_val_if_fail (LUWTE_IS_PARTY (self), NULL);

  parts = g_strsplit_set (self->address, ",\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*g_strstrip (parts[i]) != '\0')
      g_strv_builder_add (lines, parts[i]);
  return g_strv_builder_end (lines);
}

/* Returns: the id of the first of @parties (as listed) in @role, or 0 */
gint64
luwte_party_find_first_in_role (GPtrArray *parties,
                                LuwteRole  role)
{
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    if (luwte_party_get_role (g_ptr_array_index (parties, i)) == role)
      return luwte_party_get_id (g_ptr_array_index (parties, i));
  return 0;
}

/* Returns: the postal address as typed, "" when there is none */
const char *luwte_party_get_address (LuwteParty *self) { g_return_val_if_fail (LUWTE_IS_PARTY (self), NULL); return self->address; }

/**
 * luwte_store_add_party:
 * @party: a new party, or one removed before (it comes back with its id)
 *
 * Adds @party to @kase and to the address book, in one transaction.
 */
gboolean
luwte_store_add_party (LuwteStore  *store,
                       LuwteCase   *kase,
                       LuwteParty  *party,
                       GError     **error)
{
  if (*party->name == '\0' && *party->organisation == '\0')
    {
      g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                           _("A party needs a name or an organisation."));
      return FALSE;
    }
  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO parties (id, case_id, role, name, organisation, contact, address) VALUES (?, ?, ?, ?, ?, ?, ?)", error);

    if (stmt == NULL)
      goto failed;
    if (party->id > 0)
      sqlite3_bind_int64 (stmt, 1, party->id);
    sqlite3_bind_int64 (stmt, 2, luwte_case_get_id (kase));
    sqlite3_bind_text (stmt, 3, role_names[party->role], -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 4, party->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 5, party->organisation, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 6, party->contact, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 7, party->address, -1, SQLITE_TRANSIENT);
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
  }
  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "INSERT INTO contacts (role, name, organisation, contact) VALUES (?, ?, ?, ?)"
      " ON CONFLICT (role, name, organisation) DO UPDATE SET contact = excluded.contact", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, role_names[party->role], -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, party->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 3, party->organisation, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 4, party->contact, -1, SQLITE_TRANSIENT);
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
  }

  {
    gint64 id = party->id > 0 ? party->id : sqlite3_last_insert_rowid (luwte_store_get_db (store));

    /* The last insert was the contact's: read the party's id first. */
    if (party->id <= 0)
      {
        g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
          "SELECT max (id) FROM parties WHERE case_id = ?", error);

        if (stmt == NULL)
          goto failed;
        sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
        if (sqlite3_step (stmt) != SQLITE_ROW)
          {
            luwte_store_set_error (store, sqlite3_errcode (luwte_store_get_db (store)), error);
            goto failed;
          }
        id = sqlite3_column_int64 (stmt, 0);
      }
    if (!luwte_store_audit (store, luwte_case_get_reference (kase), "party.add", role_names[party->role], error) ||
        !luwte_store_commit (store, error))
      goto failed;
    party->id = id;
  }
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

/**
 * luwte_store_update_party:
 * @party: a party of @kase, as listed; it follows the change when stored
 *
 * Changes a party's role, name, organisation, contact or address, in one
 * transaction. The log entries about the party (notes linked by its id)
 * keep its name in words for the search index, the timeline, the report
 * and the exchange file; an officer who corrects a name expects the log
 * to say who it is now, so they are renamed with it. A letter is a
 * document written at its time and keeps the name it was written to.
 * The address book keeps the entry as it was added (an edit stored as
 * the user types would leave one per pause), except that a contact
 * detail corrected here is remembered for the entry with the new name.
 */
gboolean
luwte_store_update_party (LuwteStore           *store,
                          LuwteCase            *kase,
                          LuwteParty           *party,
                          const LuwtePartyEdit *edit,
                          GError              **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();
  g_autoptr(LuwteParty) after = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *described = NULL;
  LuwteRole role;

  g_return_val_if_fail (LUWTE_IS_PARTY (party), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  role = edit->role != NULL ? *edit->role : party->role;
  if ((guint) role >= LUWTE_N_ROLES)
    {
      g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                           _("A party’s role must be one of the roles listed."));
      return FALSE;
    }
  after = luwte_party_new (role,
                           edit->name != NULL ? edit->name : party->name,
                           edit->organisation != NULL ? edit->organisation : party->organisation,
                           edit->contact != NULL ? edit->contact : party->contact);
  luwte_party_set_address (after, edit->address != NULL ? edit->address : party->address);
  if (*after->name == '\0' && *after->organisation == '\0')
    {
      g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                           _("A party needs a name or an organisation."));
      return FALSE;
    }

  if (after->role != party->role)
    g_ptr_array_add (changed, "role");
  if (g_strcmp0 (after->name, party->name) != 0)
    g_ptr_array_add (changed, "name");
  if (g_strcmp0 (after->organisation, party->organisation) != 0)
    g_ptr_array_add (changed, "organisation");
  if (g_strcmp0 (after->contact, party->contact) != 0)
    g_ptr_array_add (changed, "contact");
  if (g_strcmp0 (after->address, party->address) != 0)
    g_ptr_array_add (changed, "address");
  if (changed->len == 0)
    return TRUE;
  g_ptr_array_add (changed, NULL);
  /* The audit names the fields, never what was typed in them. */
  detail = g_strjoinv (", ", (char **) changed->pdata);
  described = luwte_party_describe (after);

  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_check_case_open (store, kase, error))
    goto failed;

  {
    g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
      "UPDATE parties SET role = ?, name = ?, organisation = ?, contact = ?, address = ? WHERE id = ? AND case_id = ?",
      error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, role_names[after->role], -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 2, after->name, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 3, after->organisation, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 4, after->contact, -1, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 5, after->address, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (stmt, 6, party->id);
    sqlite3_bind_int64 (stmt, 7, luwte_case_get_id (kase));
    if (!luwte_stmt_step_done (store, stmt, error))
      goto failed;
    if (sqlite3_changes (luwte_store_get_db (store)) == 0)
      {
        g_set_error_literal (error, LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED,
                             _("This party is no longer part of the case; it may have been removed meanwhile."));
        goto failed;
      }
  }
  /* The log names the party as it is now; a new contact detail alone
   * does not change how it is named. */
  if (after->role != party->role || g_strcmp0 (after->name, party->name) != 0 ||
      g_strcmp0 (after->organisation, party->organisation) != 0)
    {
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "UPDATE notes SET party = ? WHERE party_id = ? AND case_id = ?", error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, described, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, party->id);
      sqlite3_bind_int64 (stmt, 3, luwte_case_get_id (kase));
      if (!luwte_stmt_step_done (store, stmt, error))
        goto failed;
    }
  /* Only a contact detail that was typed here reaches the address book:
   * correcting a name must not empty the entry it now matches. */
  if (g_strcmp0 (after->contact, party->contact) != 0 && *after->contact != '\0')
    {
      g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
        "UPDATE contacts SET contact = ? WHERE role = ? AND name = ? AND organisation = ?", error);

      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, after->contact, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, role_names[after->role], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, after->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, after->organisation, -1, SQLITE_STATIC);
      if (!luwte_stmt_step_done (store, stmt, error))
        goto failed;
    }
  if (!luwte_store_audit (store, luwte_case_get_reference (kase), "party.update", detail, error) ||
      !luwte_store_commit (store, error))
    goto failed;

  party->role = after->role;
  luwte_set_str (&party->name, after->name);
  luwte_set_str (&party->organisation, after->organisation);
  luwte_set_str (&party->contact, after->contact);
  luwte_set_str (&party->address, after->address);
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}

static GPtrArray *
list (LuwteStore  *store,
      const char  *sql,
      LuwteCase   *kase,
      GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store, sql, error);
  g_autoptr(GPtrArray) parties = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (kase != NULL)
    sqlite3_bind_int64 (stmt, 1, luwte_case_get_id (kase));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LuwteRole role = LUWTE_ROLE_OTHER;
      LuwteParty *party;

      luwte_role_parse ((const char *) sqlite3_column_text (stmt, 1), &role);
      party = luwte_party_new (role, (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3),
                               (const char *) sqlite3_column_text (stmt, 4));
      party->id = sqlite3_column_int64 (stmt, 0);
      /* The address book has no addresses. */
      if (sqlite3_column_count (stmt) > 5)
        luwte_set_str (&party->address, (const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (parties, party);
    }
  if (rc != SQLITE_DONE)
    {
      luwte_store_set_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&parties);
}

/* Returns: (transfer container) (element-type LuwteParty) */
GPtrArray *
luwte_store_list_parties (LuwteStore  *store,
                          LuwteCase   *kase,
                          GError     **error)
{
  return list (store, "SELECT id, role, name, organisation, contact, address FROM parties WHERE case_id = ? ORDER BY id",
               kase, error);
}

/* Returns: (transfer container) (element-type LuwteParty): the address
 *   book, by name; their ids are the book's, not a case's */
GPtrArray *
luwte_store_list_contacts (LuwteStore  *store,
                           GError     **error)
{
  return list (store, "SELECT id, role, name, organisation, contact FROM contacts ORDER BY name, organisation",
               NULL, error);
}
