/* luwte-cli-show.c — `luwte-cli show REF` as text an officer can paste into an e-mail
 *
 * Everything of the case in one summary: its own fields, then parties,
 * interventions, log, online messages and letters, each under a heading.
 * Text is printed literally; only control characters that would steer
 * the terminal are replaced.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-cli"

#include "config.h"

#include "luwte-cli.h"
#include "luwte-card.h"
#include "luwte-case.h"
#include "luwte-case-intervention.h"
#include "luwte-evidence.h"
#include "luwte-letter.h"
#include "luwte-note.h"
#include "luwte-party.h"
#include "luwte-store.h"
#include "luwte-template-library.h"
#include "luwte-time.h"

#include <glib/gi18n-lib.h>

#define TIME_FORMAT "%Y-%m-%d %H:%M"

/* @text with control characters (other than line breaks and tabs) made
 * visible, and each line after the first indented by @indent spaces. */
static void
append_text (GString    *out,
             const char *text,
             guint       indent)
{
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          g_string_append_c (out, '\n');
          for (guint i = 0; i < indent; i++)
            g_string_append_c (out, ' ');
        }
      else if (c == '\r')
        continue;
      else if (c != '\t' && g_unichar_iscntrl (c))
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
}

static void
append_field (GString    *out,
              const char *label,
              const char *value)
{
  g_string_append_printf (out, "%s: ", label);
  append_text (out, value != NULL && *value != '\0' ? value : "—", 2);
  g_string_append_c (out, '\n');
}

static void
append_time_field (GString    *out,
                   const char *label,
                   const char *iso)
{
  g_autofree char *local = luwte_time_format_local (iso, TIME_FORMAT);

  append_field (out, label, local);
}

/* "<separator><label> <time>", in local time, when there is a time. */
static void
append_time_if_set (GString    *out,
                    const char *separator,
                    const char *label,
                    const char *iso)
{
  g_autofree char *local = NULL;

  if (iso == NULL || *iso == '\0')
    return;
  local = luwte_time_format_local (iso, TIME_FORMAT);
  g_string_append_printf (out, "%s%s %s", separator, label, local);
}

static void
append_heading (GString    *out,
                const char *title,
                guint       count)
{
  g_string_append_printf (out, "\n%s (%u)\n", title, count);
  if (count == 0)
    g_string_append_printf (out, "  %s\n", C_("show", "None"));
}

static LuwteParty *
find_party (GPtrArray *parties,
            gint64     id)
{
  for (guint i = 0; id != 0 && i < parties->len; i++)
    if (luwte_party_get_id (g_ptr_array_index (parties, i)) == id)
      return g_ptr_array_index (parties, i);
  return NULL;
}

/* "J. Jansen (Politie Midden)", or whichever of the two is there */
static char *
party_name (LuwteParty *party)
{
  const char *name = luwte_party_get_name (party);
  const char *organisation = luwte_party_get_organisation (party);

  if (*name != '\0' && *organisation != '\0')
    return g_strdup_printf ("%s (%s)", name, organisation);
  if (*name != '\0' || *organisation != '\0')
    return g_strdup (*name != '\0' ? name : organisation);
  return g_strdup (luwte_role_label (luwte_party_get_role (party)));
}

static void
append_parties (GString   *out,
                GPtrArray *parties)
{
  append_heading (out, _("Parties"), parties->len);
  for (guint i = 0; i < parties->len; i++)
    {
      LuwteParty *party = g_ptr_array_index (parties, i);

      g_string_append_printf (out, "  p%" G_GINT64_FORMAT "  %s: ", luwte_party_get_id (party),
                              luwte_role_label (luwte_party_get_role (party)));
      append_text (out, *luwte_party_get_name (party) != '\0' ? luwte_party_get_name (party) : "—", 4);
      if (*luwte_party_get_organisation (party) != '\0')
        {
          g_string_append (out, ", ");
          append_text (out, luwte_party_get_organisation (party), 4);
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_interventions (GString       *out,
                      GPtrArray     *interventions,
                      GPtrArray     *parties,
                      LuwteCard     *card,
                      LuwteLanguage  language)
{
  append_heading (out, _("Interventions"), interventions->len);
  for (guint i = 0; i < interventions->len; i++)
    {
      LuwteCaseIntervention *item = g_ptr_array_index (interventions, i);
      LuwteCardIntervention *entry = luwte_card_find_intervention (card, luwte_case_intervention_get_card_id (item));
      const char *title = entry != NULL ? luwte_localized_get (luwte_card_intervention_get_title (entry), language)
                                        : luwte_case_intervention_get_card_id (item);
      LuwteParty *party = find_party (parties, luwte_case_intervention_get_party_id (item));
      const char *responsible = luwte_case_intervention_get_responsible (item);

      g_string_append (out, "  ");
      append_text (out, title, 4);
      g_string_append_printf (out, " — %s", luwte_intervention_status_label (luwte_case_intervention_get_status (item)));
      if (responsible != NULL && *responsible != '\0')
        {
          g_string_append_printf (out, " — %s ", C_("show", "responsible:"));
          append_text (out, responsible, 4);
        }
      else if (party != NULL)
        {
          g_autofree char *name = party_name (party);

          g_string_append_printf (out, " — %s ", C_("show", "responsible:"));
          append_text (out, name, 4);
        }
      append_time_if_set (out, " — ", C_("show", "due"), luwte_case_intervention_get_due_at (item));
      append_time_if_set (out, " — ", C_("show", "done"), luwte_case_intervention_get_done_at (item));
      g_string_append_c (out, '\n');
    }
}

static void
append_log (GString   *out,
            GPtrArray *notes)
{
  append_heading (out, _("Log"), notes->len);
  for (guint i = 0; i < notes->len; i++)
    {
      LuwteNote *note = g_ptr_array_index (notes, i);
      g_autofree char *at = luwte_time_format_local (luwte_note_get_at (note), TIME_FORMAT);
      const char *party = luwte_note_get_party (note);
      const char *by = luwte_note_get_action_by (note);
      const char *due = luwte_note_get_action_due (note);

      g_string_append_printf (out, "  %s  %s", at, luwte_note_kind_label (luwte_note_get_kind (note)));
      if (party != NULL && *party != '\0')
        {
          g_string_append (out, " (");
          append_text (out, party, 4);
          g_string_append_c (out, ')');
        }
      g_string_append (out, ": ");
      append_text (out, luwte_note_get_text (note), 4);
      g_string_append_c (out, '\n');
      if ((by != NULL && *by != '\0') || (due != NULL && *due != '\0'))
        {
          g_string_append_printf (out, "    %s ", C_("show", "Action by:"));
          append_text (out, by != NULL && *by != '\0' ? by : "—", 6);
          append_time_if_set (out, "; ", C_("show", "due"), due);
          g_string_append_c (out, '\n');
        }
    }
}

static void
append_messages (GString   *out,
                 GPtrArray *messages)
{
  append_heading (out, _("Online messages"), messages->len);
  for (guint i = 0; i < messages->len; i++)
    {
      LuwteEvidence *message = g_ptr_array_index (messages, i);
      const char *account = luwte_evidence_get_account (message);

      g_string_append (out, "  ");
      append_text (out, luwte_evidence_get_url (message), 4);
      g_string_append (out, "\n    ");
      append_text (out, luwte_evidence_get_platform (message), 6);
      if (account != NULL && *account != '\0')
        {
          g_string_append (out, ", ");
          append_text (out, account, 6);
        }
      g_string_append_printf (out, " — %s %s", C_("show", "Takedown:"), luwte_takedown_label (luwte_evidence_get_takedown (message)));
      if (luwte_evidence_get_takedown_at (message) != NULL
          && luwte_evidence_get_takedown (message) != LUWTE_TAKEDOWN_NOT_REQUESTED)
        {
          g_autofree char *at = luwte_time_format_local (luwte_evidence_get_takedown_at (message), TIME_FORMAT);

          g_string_append_printf (out, " (%s)", at);
        }
      g_string_append_c (out, '\n');
    }
}

static void
append_letters (GString              *out,
                GPtrArray            *letters,
                GPtrArray            *parties,
                LuwteTemplateLibrary *library)
{
  append_heading (out, _("Letters"), letters->len);
  for (guint i = 0; i < letters->len; i++)
    {
      LuwteLetter *letter = g_ptr_array_index (letters, i);
      LuwteTemplate *template = luwte_template_library_lookup (library, luwte_letter_get_template (letter),
                                                               luwte_letter_get_language (letter));
      LuwteParty *party = find_party (parties, luwte_letter_get_party_id (letter));
      g_autofree char *created = luwte_time_format_local (luwte_letter_get_created_at (letter), TIME_FORMAT);
      g_autofree char *name = NULL;

      g_string_append (out, "  ");
      append_text (out, template != NULL ? luwte_template_get_title (template) : luwte_letter_get_template (letter), 4);
      g_string_append_printf (out, " — %s", luwte_letter_status_label (luwte_letter_get_status (letter)));
      /* A final letter names whom it went to as the party was then. */
      name = luwte_letter_get_status (letter) != LUWTE_LETTER_DRAFT ? g_strdup (luwte_letter_get_recipient (letter))
           : party != NULL ? party_name (party) : NULL;
      if (name != NULL && *name != '\0')
        {
          g_string_append_printf (out, " — %s ", C_("show", "to"));
          append_text (out, name, 4);
        }
      g_string_append_printf (out, "\n    %s %s", C_("show", "created"), created);
      append_time_if_set (out, "; ", C_("show", "final"), luwte_letter_get_final_at (letter));
      append_time_if_set (out, "; ", C_("show", "sent"), luwte_letter_get_sent_at (letter));
      g_string_append_c (out, '\n');
    }
}

/**
 * luwte_cli_show_text:
 *
 * Prints @kase in full, in the CLI's language.
 *
 * Returns: an exit status
 */
int
luwte_cli_show_text (LuwteCliContext *context,
                     LuwteStore      *store,
                     LuwteCase       *kase)
{
  g_autoptr(LuwteCard) card = luwte_card_load (NULL);
  g_autoptr(LuwteTemplateLibrary) library = luwte_template_library_new ();
  g_autoptr(GPtrArray) parties = NULL;
  g_autoptr(GPtrArray) interventions = NULL;
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) letters = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char * const *platforms = luwte_case_get_platforms (kase);
  g_autofree char *joined = platforms != NULL ? g_strjoinv (", ", (char **) platforms) : g_strdup ("");

  if ((parties = luwte_store_list_parties (store, kase, &error)) == NULL
      || (interventions = luwte_store_list_case_interventions (store, kase, &error)) == NULL
      || (notes = luwte_store_list_notes (store, kase, &error)) == NULL
      || (messages = luwte_store_list_evidence (store, kase, &error)) == NULL
      || (letters = luwte_store_list_letters (store, kase, &error)) == NULL)
    return luwte_cli_fail (error);

  g_string_append_printf (out, "%s — ", luwte_case_get_reference (kase));
  append_text (out, luwte_case_get_title (kase), 2);
  g_string_append_c (out, '\n');
  append_field (out, _("Status"), luwte_case_status_label (luwte_case_get_status (kase)));
  append_time_field (out, _("Opened"), luwte_case_get_opened_at (kase));
  append_time_field (out, _("Closed"), luwte_case_get_closed_at (kase));
  append_field (out, _("Location"), luwte_case_get_location (kase));
  append_time_field (out, _("Expected gathering"), luwte_case_get_event_at (kase));
  append_field (out, _("Platforms"), joined);

  g_string_append_printf (out, "\n%s\n  ", _("Context"));
  append_text (out, *luwte_case_get_summary (kase) != '\0' ? luwte_case_get_summary (kase) : "—", 2);
  g_string_append_c (out, '\n');

  append_parties (out, parties);
  append_interventions (out, interventions, parties, card, context->language);
  append_log (out, notes);
  append_messages (out, messages);
  append_letters (out, letters, parties, library);

  luwte_cli_print (out->str);
  return LUWTE_CLI_OK;
}
