/* luwte-profile.c — the municipality's details that letters are signed with
 *
 * Kept in the settings table of the case database, so that a colleague
 * who opens the same database writes on the same letterhead. Each value is
 * checked when it is set: a letter must never find a bad one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-profile"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "luwte-case.h"
#include "luwte-profile.h"

#define DEFAULT_REFERENCE_PREFIX "OOV"
#define MAX_VALUE_LENGTH 1000

static const char * const key_names[] = {
  "municipality", "address", "mayor", "sender_name", "sender_role", "phone", "email", "logo", "reference_prefix",
};

G_STATIC_ASSERT (G_N_ELEMENTS (key_names) == LUWTE_PROFILE_N_KEYS);

const char *
luwte_profile_key_to_string (LuwteProfileKey key)
{
  g_return_val_if_fail (key < LUWTE_PROFILE_N_KEYS, NULL);
  return key_names[key];
}

gboolean
luwte_profile_key_parse (const char      *text,
                         LuwteProfileKey *key)
{
  for (guint i = 0; i < LUWTE_PROFILE_N_KEYS; i++)
    if (g_strcmp0 (text, key_names[i]) == 0)
      {
        *key = (LuwteProfileKey) i;
        return TRUE;
      }
  return FALSE;
}

const char *
luwte_profile_key_label (LuwteProfileKey key)
{
  switch (key)
    {
    case LUWTE_PROFILE_MUNICIPALITY: return _("Municipality");
    case LUWTE_PROFILE_ADDRESS: return _("Postal Address");
    case LUWTE_PROFILE_MAYOR: return _("Mayor");
    case LUWTE_PROFILE_SENDER_NAME: return _("Sender");
    case LUWTE_PROFILE_SENDER_ROLE: return _("Sender’s Role");
    case LUWTE_PROFILE_PHONE: return _("Phone");
    case LUWTE_PROFILE_EMAIL: return _("E-mail");
    case LUWTE_PROFILE_LOGO: return _("Logo");
    case LUWTE_PROFILE_REFERENCE_PREFIX: return _("Reference Prefix");
    case LUWTE_PROFILE_N_KEYS:
    default: g_return_val_if_reached (NULL);
    }
}

static char *
setting_name (LuwteProfileKey key)
{
  /* The prefix predates the profile and keeps its plain name. */
  if (key == LUWTE_PROFILE_REFERENCE_PREFIX)
    return g_strdup (key_names[key]);
  return g_strconcat ("profile.", key_names[key], NULL);
}

/**
 * luwte_profile_key_from_setting:
 * @setting: a setting's name, as #LuwteStore::setting-changed gives it
 *
 * Returns: whether @setting holds a value of the profile, and which
 */
gboolean
luwte_profile_key_from_setting (const char      *setting,
                                LuwteProfileKey *key)
{
  for (LuwteProfileKey k = 0; k < LUWTE_PROFILE_N_KEYS; k++)
    {
      g_autofree char *name = setting_name (k);

      if (g_strcmp0 (setting, name) == 0)
        {
          if (key != NULL)
            *key = k;
          return TRUE;
        }
    }
  return FALSE;
}

char *
luwte_profile_get (LuwteStore      *store,
                   LuwteProfileKey  key)
{
  g_autofree char *name = setting_name (key);

  g_return_val_if_fail (key < LUWTE_PROFILE_N_KEYS, NULL);
  return luwte_store_get_setting (store, name, key == LUWTE_PROFILE_REFERENCE_PREFIX ? DEFAULT_REFERENCE_PREFIX : "");
}

static gboolean
refuse (GError     **error,
        const char  *message,
        ...) G_GNUC_PRINTF (2, 3);

static gboolean
refuse (GError     **error,
        const char  *message,
        ...)
{
  va_list args;

  if (error == NULL)
    return FALSE;
  va_start (args, message);
  *error = g_error_new_valist (LUWTE_STORE_ERROR, LUWTE_STORE_ERROR_FAILED, message, args);
  va_end (args);
  return FALSE;
}

static gboolean
check_logo (const char  *path,
            GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (!g_path_is_absolute (path))
    return refuse (error, _("The logo must be given with its full path, such as /home/oov/logo.png, not “%s”."), path);
  if (!g_str_has_suffix (lower, ".png") && !g_str_has_suffix (lower, ".svg"))
    return refuse (error, _("The logo “%s” is not a PNG or SVG file."), path);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return refuse (error, _("There is no file “%s” for the logo."), path);
  return TRUE;
}

static gboolean
check_prefix (const char  *value,
              GError     **error)
{
  gsize length = strlen (value);

  if (length == 0 || length > 12)
    return refuse (error, _("The reference prefix must be 1 to 12 characters, such as OOV."));
  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isupper (*p) && !g_ascii_isdigit (*p))
      return refuse (error, _("The reference prefix may hold only capital letters and digits, such as OOV; “%s” does not."),
                     value);
  return TRUE;
}

static gboolean
check_email (const char  *value,
             GError     **error)
{
  const char *at = strchr (value, '@');

  if (*value == '\0')
    return TRUE;
  if (at == NULL || at == value || strchr (at + 1, '.') == NULL || strpbrk (value, " \t<>,;\"") != NULL)
    return refuse (error, _("“%s” is not an e-mail address."), value);
  return TRUE;
}

/**
 * luwte_profile_set:
 * @value: the new value; "" clears it
 *
 * Checks and stores one value, with an entry in the audit log.
 */
gboolean
luwte_profile_set (LuwteStore       *store,
                   LuwteProfileKey   key,
                   const char       *value,
                   GError          **error)
{
  g_autofree char *name = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (LUWTE_IS_STORE (store), FALSE);
  g_return_val_if_fail (key < LUWTE_PROFILE_N_KEYS, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_utf8_validate (value, -1, NULL))
    return refuse (error, _("The value is not valid UTF-8 text."));
  stripped = g_strstrip (g_strdup (value));
  if (g_utf8_strlen (stripped, -1) > MAX_VALUE_LENGTH)
    return refuse (error, _("The value is longer than %d characters."), MAX_VALUE_LENGTH);
  if (key != LUWTE_PROFILE_ADDRESS && strchr (stripped, '\n') != NULL)
    return refuse (error, _("Only the address may have more than one line."));
  if ((key == LUWTE_PROFILE_LOGO && *stripped != '\0' && !check_logo (stripped, error)) ||
      (key == LUWTE_PROFILE_REFERENCE_PREFIX && !check_prefix (stripped, error)) ||
      (key == LUWTE_PROFILE_EMAIL && !check_email (stripped, error)))
    return FALSE;

  name = setting_name (key);
  if (!luwte_store_begin (store, error))
    return FALSE;
  if (!luwte_store_set_setting (store, name, stripped, error) ||
      !luwte_store_audit (store, NULL, "profile.set", key_names[key], error) ||
      !luwte_store_commit (store, error))
    {
      luwte_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}
