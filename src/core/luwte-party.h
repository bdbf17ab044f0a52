/* luwte-party.h — the parties of a case and the address book
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-case.h"
#include "luwte-store.h"

G_BEGIN_DECLS

/* The roles of design.md's exchange format, in that order. */
typedef enum {
  LUWTE_ROLE_MAYOR,
  LUWTE_ROLE_MUNICIPALITY,
  LUWTE_ROLE_POLICE,
  LUWTE_ROLE_PROSECUTOR,
  LUWTE_ROLE_YOUTH_WORK,
  LUWTE_ROLE_COMMUNICATIONS,
  LUWTE_ROLE_PLATFORM,
  LUWTE_ROLE_PARENT,
  LUWTE_ROLE_YOUTH,
  LUWTE_ROLE_ORGANISER,
  LUWTE_ROLE_SCHOOL,
  LUWTE_ROLE_KEY_FIGURE,
  LUWTE_ROLE_INSTITUTION,
  LUWTE_ROLE_OTHER,
} LuwteRole;

#define LUWTE_N_ROLES (LUWTE_ROLE_OTHER + 1)

const char *luwte_role_to_string (LuwteRole   role);
gboolean    luwte_role_parse     (const char *text,
                                  LuwteRole  *role);
const char *luwte_role_label     (LuwteRole   role);

#define LUWTE_TYPE_PARTY (luwte_party_get_type ())
G_DECLARE_FINAL_TYPE (LuwteParty, luwte_party, LUWTE, PARTY, GObject)

gint64      luwte_party_get_id           (LuwteParty *self);
LuwteRole   luwte_party_get_role         (LuwteParty *self);
const char *luwte_party_get_name         (LuwteParty *self);
const char *luwte_party_get_organisation (LuwteParty *self);
const char *luwte_party_get_contact      (LuwteParty *self);
const char *luwte_party_get_address      (LuwteParty *self);
GStrv       luwte_party_dup_address_lines (LuwteParty *self);

LuwteParty *luwte_party_new              (LuwteRole   role,
                                          const char *name,
                                          const char *organisation,
                                          const char *contact);
void        luwte_party_set_address      (LuwteParty *self,
                                          const char *address);
char       *luwte_party_describe         (LuwteParty *self);
gint64      luwte_party_find_first_in_role (GPtrArray *parties,
                                            LuwteRole  role);

/* A change to a stored party; %NULL (for @role too) keeps what it was. */
typedef struct {
  const LuwteRole *role;
  const char      *name;
  const char      *organisation;
  const char      *contact;
  const char      *address;
} LuwtePartyEdit;

/* Parties of a case; adding one also remembers it in the address book. */
gboolean    luwte_store_add_party        (LuwteStore  *store,
                                          LuwteCase   *kase,
                                          LuwteParty  *party,
                                          GError     **error);
gboolean    luwte_store_update_party     (LuwteStore           *store,
                                          LuwteCase            *kase,
                                          LuwteParty           *party,
                                          const LuwtePartyEdit *edit,
                                          GError              **error);
GPtrArray  *luwte_store_list_parties     (LuwteStore  *store,
                                          LuwteCase   *kase,
                                          GError     **error);
GPtrArray  *luwte_store_list_contacts    (LuwteStore  *store,
                                          GError     **error);

G_END_DECLS
