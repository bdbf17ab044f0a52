/* luwte-letter-compose.c — a letter made from a template and the case's facts
 *
 * The case, its recipient, its youth, its messages and the municipality's
 * profile become the template's fields, written the way a letter writes
 * them: dates in words in the letter's language, roles as words. The same
 * facts give the page (for PDF, print and preview), the plain text and an
 * e-mail draft, so what is previewed is what is sent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-letter"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "luwte-evidence.h"
#include "luwte-letter-compose.h"
#include "luwte-party.h"
#include "luwte-profile.h"
#include "luwte-template-fields.h"
#include "luwte-time.h"

/* Roles as a letter names them, in its own language, whatever the UI's. */
static const char * const role_words[][2] = {
  { "burgemeester", "mayor" }, { "gemeente", "municipality" }, { "politie", "police" },
  { "Openbaar Ministerie", "Public Prosecution Service" }, { "jongerenwerk", "youth work" },
  { "communicatie", "communications" }, { "platform", "platform" }, { "ouder", "parent" },
  { "jongere", "young person" }, { "organisator", "organiser" }, { "school", "school" },
  { "sleutelfiguur", "key figure" }, { "instelling", "institution" }, { "overig", "other" },
};

static char *
long_date (const char    *iso8601,
           LuwteLanguage  language,
           gboolean       with_time)
{
  g_autoptr(GDateTime) utc = iso8601 != NULL ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return NULL;
  return with_time ? luwte_time_format_long_datetime (local, language) : luwte_time_format_long_date (local, language);
}

static void
set_owned (LuwteTemplateValues *values,
           const char          *name,
           char                *value)
{
  luwte_template_values_set (values, name, value);
  g_free (value);
}

static void
set_profile (LuwteTemplateValues *values,
             LuwteStore          *store,
             const char          *name,
             LuwteProfileKey      key)
{
  set_owned (values, name, luwte_profile_get (store, key));
}

static void
set_party (LuwteTemplateValues *values,
           const char          *prefix,
           LuwteParty          *party,
           LuwteLanguage        language)
{
  g_autofree char *name = g_strconcat (prefix, ".naam", NULL);
  g_autofree char *organisation = g_strconcat (prefix, ".organisatie", NULL);
  g_autofree char *contact = g_strconcat (prefix, ".contact", NULL);
  g_autofree char *role = g_strconcat (prefix, ".rol", NULL);
  g_autofree char *address = g_strconcat (prefix, ".adres", NULL);
  g_auto(GStrv) address_lines = luwte_party_dup_address_lines (party);
  g_autofree char *address_in_a_line = g_strjoinv (", ", address_lines);

  luwte_template_values_set (values, name, luwte_party_get_name (party));
  luwte_template_values_set (values, address, address_in_a_line);
  luwte_template_values_set (values, organisation, luwte_party_get_organisation (party));
  luwte_template_values_set (values, contact, luwte_party_get_contact (party));
  luwte_template_values_set (values, role, role_words[luwte_party_get_role (party)][language]);
}

static gboolean
chosen (GArray *ids,
        gint64  id)
{
  if (ids == NULL)
    return TRUE;
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/**
 * luwte_letter_values_build:
 *
 * Returns: (transfer full): the values of every field a template can use
 */
LuwteTemplateValues *
luwte_letter_values_build (LuwteStore              *store,
                           const LuwteLetterFacts  *facts,
                           GError                 **error)
{
  g_autoptr(LuwteTemplateValues) values = luwte_template_values_new ();
  g_autoptr(GPtrArray) parties = luwte_store_list_parties (store, facts->kase, error);
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GDateTime) today = facts->date != NULL ? g_date_time_ref (facts->date) : g_date_time_new_now_local ();
  const char * const *platforms = luwte_case_get_platforms (facts->kase);
  LuwteLanguage language = facts->language;

  if (parties == NULL)
    return NULL;
  messages = luwte_store_list_evidence (store, facts->kase, error);
  if (messages == NULL)
    return NULL;

  set_owned (values, "datum", luwte_time_format_long_date (today, language));
  luwte_template_values_set (values, "zaak.kenmerk", luwte_case_get_reference (facts->kase));
  luwte_template_values_set (values, "zaak.titel", luwte_case_get_title (facts->kase));
  luwte_template_values_set (values, "zaak.locatie", luwte_case_get_location (facts->kase));
  luwte_template_values_set (values, "zaak.samenvatting", luwte_case_get_summary (facts->kase));
  set_owned (values, "zaak.bijeenkomst", long_date (luwte_case_get_event_at (facts->kase), language, TRUE));
  set_owned (values, "zaak.geopend", long_date (luwte_case_get_opened_at (facts->kase), language, FALSE));
  set_owned (values, "zaak.platforms", platforms != NULL ? g_strjoinv (", ", (char **) platforms) : NULL);

  for (guint i = 0; i < parties->len; i++)
    {
      LuwteParty *party = g_ptr_array_index (parties, i);

      if (facts->party_id > 0 && luwte_party_get_id (party) == facts->party_id)
        set_party (values, "ontvanger", party, language);
      if (facts->youth_id > 0 && luwte_party_get_id (party) == facts->youth_id)
        luwte_template_values_set (values, LUWTE_FIELD_YOUTH_NAME, luwte_party_get_name (party));
    }

  set_profile (values, store, "gemeente.naam", LUWTE_PROFILE_MUNICIPALITY);
  {
    /* In a sentence ("stuur een brief aan …"): the lines of the address
     * as one, the letterhead keeps them apart. */
    g_autofree char *address = luwte_profile_get (store, LUWTE_PROFILE_ADDRESS);
    g_auto(GStrv) lines = g_strsplit (g_strstrip (address), "\n", -1);
    g_autofree char *one_line = g_strjoinv (", ", lines);

    luwte_template_values_set (values, "gemeente.adres", one_line);
  }
  set_profile (values, store, "gemeente.burgemeester", LUWTE_PROFILE_MAYOR);
  set_profile (values, store, "gemeente.telefoon", LUWTE_PROFILE_PHONE);
  set_profile (values, store, "gemeente.email", LUWTE_PROFILE_EMAIL);
  set_profile (values, store, "afzender.naam", LUWTE_PROFILE_SENDER_NAME);
  set_profile (values, store, "afzender.functie", LUWTE_PROFILE_SENDER_ROLE);

  for (guint i = 0; i < messages->len; i++)
    {
      LuwteEvidence *message = g_ptr_array_index (messages, i);
      guint item;

      if (!chosen (facts->evidence_ids, luwte_evidence_get_id (message)))
        continue;
      item = luwte_template_values_add_bericht (values);
      luwte_template_values_set_bericht (values, item, "bericht.url", luwte_evidence_get_url (message));
      luwte_template_values_set_bericht (values, item, "bericht.platform", luwte_evidence_get_platform (message));
      luwte_template_values_set_bericht (values, item, "bericht.account", luwte_evidence_get_account (message));
      luwte_template_values_set_bericht (values, item, "bericht.omschrijving", luwte_evidence_get_description (message));
      {
        g_autofree char *posted = long_date (luwte_evidence_get_posted_at (message), language, TRUE);
        luwte_template_values_set_bericht (values, item, "bericht.geplaatst", posted);
      }
    }

  if (facts->inputs != NULL)
    {
      GHashTableIter iter;
      gpointer name, value;

      g_hash_table_iter_init (&iter, facts->inputs);
      while (g_hash_table_iter_next (&iter, &name, &value))
        if (luwte_template_field_is_input_name (name))
          luwte_template_values_set (values, name, value);
    }
  return g_steal_pointer (&values);
}

/**
 * luwte_letter_render:
 * @missing: (element-type utf8): gets the names of the fields that have
 *   no value
 *
 * Returns: %TRUE when every field had a value
 */
gboolean
luwte_letter_render (LuwteTemplate        *template,
                     LuwteTemplateValues  *values,
                     char                **subject,
                     char                **body,
                     GPtrArray            *missing)
{
  guint before = missing->len;

  *subject = luwte_template_render_subject (template, values, missing);
  *body = luwte_template_render_body (template, values, missing);
  return missing->len == before;
}

/**
 * luwte_letter_problems:
 *
 * What stands between this text and a final letter: the fields still
 * written as [[name]], and each element the law asks for that the text
 * does not have.
 *
 * Returns: (transfer full) (element-type utf8): one sentence per problem,
 *   empty when the letter can be made final
 */
GPtrArray *
luwte_letter_problems (LuwteTemplate        *template,
                       LuwteTemplateValues  *values,
                       const char           *subject,
                       const char           *body)
{
  GPtrArray *problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *whole = g_strconcat (subject, "\n", body, NULL);
  g_autoptr(GPtrArray) placeholders = luwte_template_missing_in_text (whole);
  g_autoptr(GArray) checks = luwte_template_check (template, values, body);
  GPtrArray *definitions = luwte_template_get_checks (template);

  for (guint i = 0; i < placeholders->len; i++)
    {
      const char *name = g_ptr_array_index (placeholders, i);
      const char *label = luwte_template_get_field_label (template, name);

      /* TRANSLATORS: a field of a letter that has no value yet */
      g_ptr_array_add (problems, g_strdup_printf (_("Not filled in: %s"), label != NULL ? label : name));
    }
  for (guint i = 0; i < checks->len; i++)
    if (!g_array_index (checks, gboolean, i))
      {
        LuwteTemplateCheck *check = g_ptr_array_index (definitions, i);

        /* TRANSLATORS: an element the law asks of this letter */
        g_ptr_array_add (problems, g_strdup_printf (_("Missing from the letter: %s"), check->label));
      }
  return problems;
}

static LuwteParty *
find_party (GPtrArray *parties,
            gint64     id)
{
  for (guint i = 0; parties != NULL && i < parties->len; i++)
    if (luwte_party_get_id (g_ptr_array_index (parties, i)) == id)
      return g_ptr_array_index (parties, i);
  return NULL;
}

static void
add_if_set (GStrvBuilder *lines,
            const char   *text)
{
  if (*text != '\0')
    g_strv_builder_add (lines, text);
}

/* Name, organisation and address, one per line, as on the envelope. */
static char *
recipient_block (LuwteStore *store,
                 LuwteCase  *kase,
                 gint64      party_id)
{
  g_autoptr(GPtrArray) parties = party_id > 0 ? luwte_store_list_parties (store, kase, NULL) : NULL;
  LuwteParty *party = find_party (parties, party_id);
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) address = NULL;
  g_auto(GStrv) block = NULL;

  if (party == NULL)
    return g_strdup ("");
  add_if_set (lines, luwte_party_get_name (party));
  add_if_set (lines, luwte_party_get_organisation (party));
  /* The postal address, a line each; a party from before it had one
   * kept it in its contact. */
  address = luwte_party_dup_address_lines (party);
  if (address[0] != NULL)
    g_strv_builder_addv (lines, (const char **) address);
  else
    add_if_set (lines, luwte_party_get_contact (party));
  block = g_strv_builder_end (lines);
  return g_strjoinv ("\n", block);
}

typedef struct {
  char *municipality;
  char *address;
  char *logo;
  char *contact;
  char *recipient;
  char *date;
} Letterhead;

static void
letterhead_clear (Letterhead *head)
{
  g_free (head->municipality);
  g_free (head->address);
  g_free (head->logo);
  g_free (head->contact);
  g_free (head->recipient);
  g_free (head->date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Letterhead, letterhead_clear)

static void
letterhead_fill (Letterhead             *head,
                 LuwteStore             *store,
                 const LuwteLetterFacts *facts)
{
  g_autoptr(GDateTime) today = facts->date != NULL ? g_date_time_ref (facts->date) : g_date_time_new_now_local ();
  g_autofree char *phone = luwte_profile_get (store, LUWTE_PROFILE_PHONE);
  g_autofree char *email = luwte_profile_get (store, LUWTE_PROFILE_EMAIL);

  head->municipality = luwte_profile_get (store, LUWTE_PROFILE_MUNICIPALITY);
  head->address = luwte_profile_get (store, LUWTE_PROFILE_ADDRESS);
  head->logo = luwte_profile_get (store, LUWTE_PROFILE_LOGO);
  head->contact = g_strjoin (*phone != '\0' && *email != '\0' ? " · " : "", phone, email, NULL);
  head->recipient = recipient_block (store, facts->kase, facts->party_id);
  head->date = luwte_time_format_long_date (today, facts->language);
}

/**
 * luwte_letter_layout_for:
 *
 * Returns: (transfer full): the letter on its pages, with the letterhead
 *   of the profile, marked as a draft unless @facts says it is made final;
 *   an unreadable logo is an error that names it
 */
LuwteLetterLayout *
luwte_letter_layout_for (LuwteStore              *store,
                         const LuwteLetterFacts  *facts,
                         const char              *subject,
                         const char              *body,
                         GError                 **error)
{
  g_auto(Letterhead) head = { 0 };
  LuwteLetterContent content = { 0 };

  letterhead_fill (&head, store, facts);
  content.language = facts->language;
  content.municipality = head.municipality;
  content.sender_address = head.address;
  content.logo_path = *head.logo != '\0' ? head.logo : NULL;
  content.contact_line = head.contact;
  content.recipient_block = head.recipient;
  content.date = head.date;
  content.reference = luwte_case_get_reference (facts->kase);
  content.subject = subject;
  content.body = body;
  content.final = facts->final;
  return luwte_letter_layout_new (&content, error);
}

/**
 * luwte_letter_plain_text:
 *
 * Returns: (transfer full): the letter as text: sender, recipient, date,
 *   reference and subject above the body, for copying or a .txt file
 */
char *
luwte_letter_plain_text (LuwteStore              *store,
                         const LuwteLetterFacts  *facts,
                         const char              *subject,
                         const char              *body)
{
  g_auto(Letterhead) head = { 0 };
  GString *text = g_string_new (NULL);
  gboolean dutch = facts->language == LUWTE_LANGUAGE_NL;

  letterhead_fill (&head, store, facts);
  if (*head.municipality != '\0')
    g_string_append_printf (text, "%s\n", head.municipality);
  if (*head.address != '\0')
    g_string_append_printf (text, "%s\n", head.address);
  if (*head.contact != '\0')
    g_string_append_printf (text, "%s\n", head.contact);
  if (*head.recipient != '\0')
    g_string_append_printf (text, "\n%s\n", head.recipient);
  g_string_append_printf (text, "\n%s: %s\n", dutch ? "Datum" : "Date", head.date);
  g_string_append_printf (text, "%s: %s\n", dutch ? "Ons kenmerk" : "Our reference",
                          luwte_case_get_reference (facts->kase));
  g_string_append_printf (text, "%s: %s\n\n", dutch ? "Onderwerp" : "Subject", subject);
  g_string_append (text, body);
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}

/**
 * luwte_letter_mailto:
 * @address: the recipient's e-mail address
 *
 * Returns: (transfer full) (nullable): a mailto: URI with subject and body,
 *   or %NULL when @address is not an e-mail address
 */
char *
luwte_letter_mailto (const char *address,
                     const char *subject,
                     const char *body)
{
  g_autofree char *to = NULL;
  g_autofree char *escaped_subject = NULL;
  g_autofree char *escaped_body = NULL;
  g_autofree char *crlf = NULL;

  if (address == NULL || strchr (address, '@') == NULL || strpbrk (address, " \t\r\n<>,;?&\"") != NULL)
    return NULL;
  /* RFC 6068: line breaks in a body are %0D%0A. */
  {
    g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
    crlf = g_strjoinv ("\r\n", lines);
  }
  to = g_uri_escape_string (address, "@", FALSE);
  escaped_subject = g_uri_escape_string (subject, NULL, FALSE);
  escaped_body = g_uri_escape_string (crlf, NULL, FALSE);
  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, escaped_subject, escaped_body);
}

/**
 * luwte_letter_requests_takedown:
 *
 * Returns: %TRUE when sending a letter from @template asks for its
 *   messages to be taken down, so they count as requested
 */
gboolean
luwte_letter_requests_takedown (LuwteTemplate *template)
{
  static const char * const removals[] = {
    "notice-and-takedown", "voluntary-removal-request", "remove-content", "criminal-law-removal",
  };

  for (guint i = 0; i < G_N_ELEMENTS (removals); i++)
    if (luwte_template_suits (template, removals[i]))
      return TRUE;
  return FALSE;
}

/**
 * luwte_letter_default_youth:
 *
 * Returns: the case's first young person, whom a new letter is about, or 0
 */
gint64
luwte_letter_default_youth (LuwteStore *store,
                            LuwteCase  *kase)
{
  g_autoptr(GPtrArray) parties = luwte_store_list_parties (store, kase, NULL);

  return luwte_party_find_first_in_role (parties, LUWTE_ROLE_YOUTH);
}

/**
 * luwte_letter_default_recipient:
 *
 * Returns: the case's first party in the role @template writes to, or 0
 */
gint64
luwte_letter_default_recipient (LuwteStore    *store,
                                LuwteCase     *kase,
                                LuwteTemplate *template)
{
  g_autoptr(GPtrArray) parties = NULL;
  LuwteRole role;

  if (luwte_template_get_recipient (template) == NULL ||
      !luwte_role_parse (luwte_template_get_recipient (template), &role))
    return 0;
  parties = luwte_store_list_parties (store, kase, NULL);
  return luwte_party_find_first_in_role (parties, role);
}
