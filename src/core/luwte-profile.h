/* luwte-profile.h — the municipality's details that letters are signed with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "luwte-store.h"

G_BEGIN_DECLS

typedef enum {
  LUWTE_PROFILE_MUNICIPALITY,
  LUWTE_PROFILE_ADDRESS,
  LUWTE_PROFILE_MAYOR,
  LUWTE_PROFILE_SENDER_NAME,
  LUWTE_PROFILE_SENDER_ROLE,
  LUWTE_PROFILE_PHONE,
  LUWTE_PROFILE_EMAIL,
  LUWTE_PROFILE_LOGO,
  LUWTE_PROFILE_REFERENCE_PREFIX,
  LUWTE_PROFILE_N_KEYS,
} LuwteProfileKey;

const char *luwte_profile_key_to_string (LuwteProfileKey  key);
gboolean    luwte_profile_key_parse     (const char      *text,
                                         LuwteProfileKey *key);
const char *luwte_profile_key_label     (LuwteProfileKey  key);
gboolean    luwte_profile_key_from_setting (const char   *setting,
                                            LuwteProfileKey *key);

/* Returns: (transfer full): the value, "" when not set (the reference
 * prefix has a default) */
char       *luwte_profile_get           (LuwteStore      *store,
                                         LuwteProfileKey  key);
gboolean    luwte_profile_set           (LuwteStore      *store,
                                         LuwteProfileKey  key,
                                         const char      *value,
                                         GError         **error);

G_END_DECLS
