/* luwte-history.c — a case's audit entries in words
 *
 * The audit log keeps terse identifiers ("case.update", "title, location")
 * so that it stays the same in every language; this turns one entry into
 * a line an officer reads, with what the entry holds. An action it does
 * not know (from a newer version, say) shows as it was written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-history"

#include "config.h"

#include "luwte-history.h"
#include "luwte-evidence.h"
#include "luwte-note.h"
#include "luwte-party.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The field names of case.update, intervention.update, party.update and
 * evidence.update */
static const char *
field_label (const char *name)
{
  static const struct {
    const char *name;
    const char *label;
  } fields[] = {
    { "title", NC_("history field", "Title") },
    { "location", NC_("history field", "Location") },
    { "event_at", NC_("history field", "Expected gathering") },
    { "summary", NC_("history field", "Context") },
    { "platforms", NC_("history field", "Platforms") },
    { "status", NC_("history field", "Status") },
    { "responsible", NC_("history field", "Responsible") },
    { "party", NC_("history field", "Party") },
    { "due_at", NC_("history field", "Due date") },
    { "rationale", NC_("history field", "Rationale") },
    { "proportionality", NC_("history field", "Proportionality") },
    { "outcome", NC_("history field", "Outcome") },
    { "role", NC_("history field", "Role") },
    { "name", NC_("history field", "Name") },
    { "organisation", NC_("history field", "Organisation") },
    { "contact", NC_("history field", "Contact") },
    { "address", NC_("history field", "Postal address") },
    { "url", NC_("history field", "Address") },
    { "platform", NC_("history field", "Platform") },
    { "account", NC_("history field", "Account") },
    { "posted_at", NC_("history field", "Posted at") },
    { "description", NC_("history field", "What it says") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].name, name))
      return g_dpgettext2 (GETTEXT_PACKAGE, "history field", fields[i].label);
  return name;
}

/* "title, location" → "Title, Location" */
static char *
fields_in_words (const char *detail)
{
  g_auto(GStrv) names = g_strsplit (detail, ", ", -1);
  g_autoptr(GString) words = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    g_string_append_printf (words, "%s%s", i > 0 ? ", " : "", field_label (names[i]));
  return g_string_free (g_steal_pointer (&words), FALSE);
}

static const char *
intervention_title (LuwteCard     *card,
                    const char    *card_id,
                    LuwteLanguage  language)
{
  LuwteCardIntervention *item = card != NULL ? luwte_card_find_intervention (card, card_id) : NULL;

  return item != NULL ? luwte_localized_get (luwte_card_intervention_get_title (item), language) : card_id;
}

static const char *
template_title (LuwteTemplateLibrary *library,
                const char           *id,
                LuwteLanguage         language)
{
  LuwteTemplate *template = NULL;

  if (library != NULL)
    {
      template = luwte_template_library_lookup (library, id, language);
      if (template == NULL)
        template = luwte_template_library_lookup (library, id, language == LUWTE_LANGUAGE_NL ? LUWTE_LANGUAGE_EN
                                                                                            : LUWTE_LANGUAGE_NL);
    }
  return template != NULL ? luwte_template_get_title (template) : id;
}

/* "signal → active" → "Signal → Active" */
static char *
statuses_in_words (const char *detail)
{
  g_auto(GStrv) parts = g_strsplit (detail, " → ", 2);
  LuwteCaseStatus from, to;

  if (g_strv_length (parts) != 2 || !luwte_case_status_parse (parts[0], &from) || !luwte_case_status_parse (parts[1], &to))
    return g_strdup (detail);
  return g_strdup_printf ("%s → %s", luwte_case_status_label (from), luwte_case_status_label (to));
}

static char *
describe_case (const char *what,
               const char *detail)
{
  if (g_str_equal (what, "create"))
    return g_strdup (_("Case created"));
  if (g_str_equal (what, "update"))
    {
      g_autofree char *fields = fields_in_words (detail);

      if (strchr (detail, ',') == NULL)
        /* TRANSLATORS: in the history, one field of the case: "Title changed" */
        return g_strdup_printf (_("%s changed"), fields);
      /* TRANSLATORS: in the history, several fields of the case: "Changed: Title, Location" */
      return g_strdup_printf (_("Changed: %s"), fields);
    }
  if (g_str_equal (what, "status"))
    {
      g_autofree char *statuses = statuses_in_words (detail);

      /* TRANSLATORS: in the history: "Status changed: Signal → Active" */
      return g_strdup_printf (_("Status changed: %s"), statuses);
    }
  if (g_str_equal (what, "reopen"))
    {
      g_autofree char *statuses = statuses_in_words (detail);

      /* TRANSLATORS: in the history: "Case reopened: Closed → Active" */
      return g_strdup_printf (_("Case reopened: %s"), statuses);
    }
  if (g_str_equal (what, "evaluate"))
    {
      guint64 n = 0;
      const char *count = g_str_has_prefix (detail, "effects: ") ? detail + strlen ("effects: ") : NULL;
      g_autofree char *digits = count != NULL ? g_strndup (count, strcspn (count, ",")) : NULL;

      if (digits == NULL || !g_ascii_string_to_unsigned (digits, 10, 0, G_MAXUINT, &n, NULL))
        return g_strdup_printf ("%s: %s", _("Case evaluated"), detail);
      if (strstr (detail, ", lessons") != NULL)
        /* TRANSLATORS: in the history: "Case evaluated: effect of 3 interventions, with lessons learned" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Case evaluated: effect of %u intervention, with lessons learned",
                                             "Case evaluated: effect of %u interventions, with lessons learned", n), (guint) n);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Case evaluated: effect of %u intervention",
                                           "Case evaluated: effect of %u interventions", n), (guint) n);
    }
  if (g_str_equal (what, "import"))
    /* TRANSLATORS: in the history: "Case imported as OOV-2026-0042" */
    return g_strdup_printf (_("Case imported as %s"), detail);
  return NULL;
}

/* "note.remove" with the row's id: "Log entry removed (no. 12)" */
static char *
describe_removal (const char *kind,
                  const char *what,
                  const char *detail)
{
  static const struct {
    const char *kind;
    const char *removed;
    const char *restored;
  } kinds[] = {
    { "case", N_("Case removed"), N_("Case restored") },
    { "note", N_("Log entry removed"), N_("Log entry restored") },
    { "intervention", N_("Intervention removed"), N_("Intervention restored") },
    { "party", N_("Party removed"), N_("Party restored") },
    { "evidence", N_("Online message removed"), N_("Online message restored") },
    { "letter", N_("Letter removed"), N_("Letter restored") },
  };
  gboolean remove = g_str_equal (what, "remove");

  if (!remove && !g_str_equal (what, "restore"))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, kind))
      {
        const char *text = _(remove ? kinds[i].removed : kinds[i].restored);

        /* TRANSLATORS: in the history, a removal and the number it had: "Letter removed (no. 12)" */
        return *detail != '\0' ? g_strdup_printf (_("%s (no. %s)"), text, detail) : g_strdup (text);
      }
  return NULL;
}

/**
 * luwte_history_describe:
 * @card: (nullable): for the interventions' titles
 * @library: (nullable): for the letter templates' titles
 *
 * Returns: (transfer full): @entry in words in the current language, or
 *   as it was written when its action is unknown
 */
char *
luwte_history_describe (const LuwteHistoryEntry *entry,
                        LuwteCard               *card,
                        LuwteTemplateLibrary    *library,
                        LuwteLanguage            language)
{
  const char *action = entry->action != NULL ? entry->action : "";
  const char *detail = entry->detail != NULL ? entry->detail : "";
  const char *dot = strchr (action, '.');
  g_autofree char *kind = dot != NULL ? g_strndup (action, dot - action) : NULL;
  const char *what = dot != NULL ? dot + 1 : NULL;
  char *text = NULL;

  if (kind == NULL)
    ;
  else if ((text = describe_removal (kind, what, detail)) != NULL)
    ;
  else if (g_str_equal (kind, "case"))
    text = describe_case (what, detail);
  else if (g_str_equal (action, "party.add"))
    {
      LuwteRole role;

      /* TRANSLATORS: in the history: "Party added: Police" */
      text = g_strdup_printf (_("Party added: %s"), luwte_role_parse (detail, &role) ? luwte_role_label (role) : detail);
    }
  else if (g_str_equal (action, "party.update"))
    {
      g_autofree char *fields = fields_in_words (detail);

      /* TRANSLATORS: in the history: "Party changed (Name, Contact)" */
      text = g_strdup_printf (_("Party changed (%s)"), fields);
    }
  else if (g_str_equal (action, "note.done"))
    text = g_strdup (_("Action point ticked off as done"));
  else if (g_str_equal (action, "note.undone"))
    text = g_strdup (_("Action point opened again"));
  else if (g_str_equal (action, "note.add"))
    {
      LuwteNoteKind note_kind;

      /* TRANSLATORS: in the history: "Log entry added: Decision" */
      text = g_strdup_printf (_("Log entry added: %s"),
                              luwte_note_kind_parse (detail, &note_kind) ? luwte_note_kind_label (note_kind) : detail);
    }
  else if (g_str_equal (action, "intervention.add"))
    /* TRANSLATORS: in the history: "Intervention added: <its title on the card>" */
    text = g_strdup_printf (_("Intervention added: %s"), intervention_title (card, detail, language));
  else if (g_str_equal (action, "intervention.update"))
    {
      const char *colon = strstr (detail, ": ");
      g_autofree char *card_id = colon != NULL ? g_strndup (detail, colon - detail) : g_strdup (detail);
      g_autofree char *fields = colon != NULL ? fields_in_words (colon + 2) : NULL;

      /* TRANSLATORS: in the history: "Intervention changed: <title> (Status, Outcome)" */
      text = fields != NULL ? g_strdup_printf (_("Intervention changed: %s (%s)"), intervention_title (card, card_id, language), fields)
                            : g_strdup_printf (_("Intervention changed: %s"), intervention_title (card, card_id, language));
    }
  else if (g_str_equal (action, "evidence.add"))
    text = g_str_equal (detail, "with screenshot") ? g_strdup (_("Online message added, with a screenshot"))
         : *detail == '\0' ? g_strdup (_("Online message added"))
         : g_strdup_printf ("%s: %s", _("Online message added"), detail);
  else if (g_str_equal (action, "evidence.update"))
    {
      g_autofree char *fields = fields_in_words (detail);

      /* TRANSLATORS: in the history: "Online message corrected (Address, Account)" */
      text = g_strdup_printf (_("Online message corrected (%s)"), fields);
    }
  else if (g_str_equal (action, "evidence.takedown"))
    {
      LuwteTakedown state;

      /* TRANSLATORS: in the history, where a message's takedown request stands: "Takedown request: Removed" */
      text = g_strdup_printf (_("Takedown request: %s"), luwte_takedown_parse (detail, &state) ? luwte_takedown_label (state) : detail);
    }
  else if (g_str_equal (action, "letter.final"))
    /* TRANSLATORS: in the history, with the SHA-256 checksum of the letter's PDF */
    text = g_strdup_printf (_("Letter made final (SHA-256 %s)"), detail);
  else if (g_str_equal (kind, "letter"))
    {
      const char *title = template_title (library, detail, language);

      if (g_str_equal (what, "add"))
        /* TRANSLATORS: in the history: "Letter drafted: <template title>" */
        text = g_strdup_printf (_("Letter drafted: %s"), title);
      else if (g_str_equal (what, "update"))
        text = g_strdup_printf (_("Letter changed: %s"), title);
      else if (g_str_equal (what, "sent"))
        text = g_strdup_printf (_("Letter sent: %s"), title);
      else if (g_str_equal (what, "version"))
        text = g_strdup_printf (_("New version of a letter: %s"), title);
    }

  if (text == NULL)
    text = *detail != '\0' ? g_strdup_printf ("%s — %s", action, detail) : g_strdup (action);
  return text;
}
