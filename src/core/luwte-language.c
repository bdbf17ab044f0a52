/* luwte-language.c — the two languages of the card and the letters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-language"

#include "config.h"

#include "luwte-language.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

/* Dutch when the user's first preferred language is Dutch, as gettext
 * decides for the interface strings, so the card always matches the UI. */
LuwteLanguage
luwte_language_from_locale (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = names[i];

      if (g_str_equal (name, "C") || g_str_equal (name, "POSIX"))
        break;
      if (g_str_has_prefix (name, "nl") && (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@'))
        return LUWTE_LANGUAGE_NL;
      if (g_str_has_prefix (name, "en"))
        return LUWTE_LANGUAGE_EN;
    }

  return LUWTE_LANGUAGE_EN;
}

gboolean
luwte_language_parse (const char    *code,
                      LuwteLanguage *language)
{
  if (g_strcmp0 (code, "nl") == 0)
    *language = LUWTE_LANGUAGE_NL;
  else if (g_strcmp0 (code, "en") == 0)
    *language = LUWTE_LANGUAGE_EN;
  else
    return FALSE;
  return TRUE;
}

const char *
luwte_language_to_code (LuwteLanguage language)
{
  return language == LUWTE_LANGUAGE_NL ? "nl" : "en";
}

/**
 * luwte_language_apply:
 * @code: "nl" or "en"
 *
 * Makes gettext and luwte_language_from_locale() use @code for the rest of
 * the process. Must run before any thread starts.
 *
 * Returns: %FALSE when @code is not a language Luwte has
 */
gboolean
luwte_language_apply (const char *code)
{
  LuwteLanguage language;
  const char *current;

  if (!luwte_language_parse (code, &language))
    return FALSE;

  g_setenv ("LANGUAGE", code, TRUE);
  /* gettext ignores LANGUAGE in the "C" locale; C.UTF-8 is always there. */
  current = setlocale (LC_MESSAGES, NULL);
  if (current == NULL || g_str_equal (current, "C") || g_str_equal (current, "POSIX"))
    setlocale (LC_ALL, "C.UTF-8");

  return TRUE;
}

const char *
luwte_localized_get (const LuwteLocalized *text,
                     LuwteLanguage         language)
{
  const char *wanted;

  if (text == NULL)
    return NULL;

  wanted = language == LUWTE_LANGUAGE_NL ? text->nl : text->en;
  if (wanted != NULL && *wanted != '\0')
    return wanted;
  return language == LUWTE_LANGUAGE_NL ? text->en : text->nl;
}

void
luwte_localized_clear (LuwteLocalized *text)
{
  g_clear_pointer (&text->nl, g_free);
  g_clear_pointer (&text->en, g_free);
}

/**
 * luwte_i18n_init:
 *
 * Sets the locale from the environment and binds our translations.
 * `LUWTE_LOCALEDIR` points at translations in a build tree, so the
 * application runs translated without being installed.
 */
void
luwte_i18n_init (void)
{
  const char *localedir = g_getenv ("LUWTE_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
