/* luwte-demo.c — synthetic, reproducible cases for demos and benchmarks
 *
 * Everything here is made up: places, events and wording are combined from
 * fixed lists by a seeded generator, so the same seed always gives the same
 * cases and no real person is in them. All cases go in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-demo"

#include "config.h"

#include "luwte-demo.h"
#include "luwte-case.h"
#include "luwte-search.h"

static const char * const events[] = {
  "Oproep tot vuurwerkrellen", "Viraal gegane feestuitnodiging", "Oproep tot confrontatie met de politie",
  "Aangekondigde 'meet-up' na schooltijd", "Oproep tot rellen na voetbalwedstrijd", "Protest tegen noodopvang opgehitst",
  "Telegramgroep plant actie tegen ME", "TikTok-challenge rond bushokjes", "Oproep om avondklok te negeren",
  "Snapchat-oproep tot 'chaos' op oudejaarsavond", "Afspraak voor vechtpartij tussen groepen", "Oproep tot blokkade van de rotonde",
};
static const char * const places[] = {
  "Stationsplein", "Winkelcentrum De Meent", "Marktplein", "Sportpark Noord", "Havenkade", "Schoolplein Lindeboom",
  "Parkeerterrein Veldweg", "Wijkpark Oosterhout", "Busstation Centrum", "Plein 1944", "Dorpsstraat", "Kerkbrink",
};
static const char * const towns[] = {
  "Zuidwijk", "Noorderhaven", "Oostveen", "Westerbroek", "Middelburcht", "Hoogeloo", "Lagedijk", "Bergervaart",
};
static const char * const platforms[] = { "TikTok", "Snapchat", "Instagram", "Telegram", "WhatsApp", "X", "Facebook", "YouTube" };
static const char * const sources[] = {
  "Signaal van de digitale wijkagent", "Melding van een ouder", "Tip van het jongerenwerk", "Melding via het meldpunt",
  "Signaal van de school", "Bericht doorgestuurd door een sleutelfiguur",
};
static const char * const details[] = {
  "Het bericht is binnen een uur meer dan duizend keer gedeeld.", "De oproep noemt een tijd en een plaats.",
  "Er worden foto's van vuurwerk en stenen bij geplaatst.", "Meerdere accounts delen dezelfde afbeelding.",
  "In de reacties wordt opgeroepen tot geweld tegen agenten.", "Het account lijkt van een minderjarige te zijn.",
  "De groep telt inmiddels enkele honderden leden.", "Eerdere oproepen van hetzelfde account bleven zonder gevolg.",
};
static const char * const rationales[] = {
  "Snel zichtbaar zijn in de eigen kanalen van de doelgroep.", "Contact leggen voordat de oproep verder verspreidt.",
  "De oproep bevat een concrete tijd en plaats.", "Lichtere middelen zijn geprobeerd zonder effect.",
  "Afgestemd in de driehoek.", "Ouders betrekken vergroot de kans dat de jongere stopt.",
};
static const char * const outcomes[] = {
  "Oproep offline gehaald.", "Minder reacties na de videoboodschap.", "Geen samenkomst op de aangekondigde tijd.",
  "Een kleine groep kwam, zonder incidenten.", "Platform reageerde niet binnen de termijn.", "",
};
static const char * const note_texts[] = {
  "Driehoek besluit: nog geen noodbevel, wel extra toezicht.", "Wijkagent heeft contact gelegd met de organisator.",
  "Jongerenwerk is vanavond aanwezig op de locatie.", "Ouders zijn gebeld en komen morgen langs op het gemeentehuis.",
  "Platform bevestigt ontvangst van het verwijderverzoek.", "Communicatie plaatst een bericht op de kanalen van de gemeente.",
  "School informeert de ouders van de betrokken leerlingen.", "Sleutelfiguren in de wijk verspreiden een tegenboodschap.",
  "Politie ziet geen aanwijzingen meer voor een samenkomst.", "OM beoordeelt of de berichten opruiend zijn.",
};
static const struct { const char *role; const char *name; const char *organisation; } demo_parties[] = {
  { "mayor", "Burgemeester (demo)", "Gemeente" }, { "police", "Digitale wijkagent (demo)", "Politie, basisteam" },
  { "prosecutor", "Officier van justitie (demo)", "OM" }, { "youth_work", "Jongerenwerker (demo)", "Jongerenwerk" },
  { "communications", "Woordvoerder (demo)", "Gemeente, communicatie" }, { "school", "Teamleider (demo)", "Voortgezet onderwijs" },
  { "key_figure", "Sleutelfiguur (demo)", "Moskee- en buurtvereniging" },
};
static const char * const note_kinds[] = { "information", "agreement", "decision", "action" };
static const char * const first_names[] = {
  "Sem", "Noah", "Liam", "Daan", "Lucas", "Finn", "Milan", "Levi", "Emma", "Julia", "Mila", "Tess", "Sara", "Yara",
};
static const char * const last_names[] = {
  "de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Bos", "Vos", "Peters", "Hendriks",
};
static const char * const streets[] = { "Dorpsstraat", "Kerkweg", "Molenlaan", "Schoolstraat", "Beukenlaan", "Havenweg" };
static const char * const message_texts[] = {
  "Oproep om vanavond om 21.00 uur met vuurwerk naar het plein te komen.",
  "Story met de tekst 'iedereen naar het station, laat ze het voelen'.",
  "Bericht in een groep met een plattegrond en de plek waar de politie staat.",
  "Video met stenen en vuurwerk, met de vraag wie er mee doet.",
  "Doorgestuurde uitnodiging voor een 'feest' zonder adres, met 'neem spullen mee'.",
};
static const char * const lessons[] = {
  "Eerder de ouders betrekken; de brief kwam pas na het weekend aan.",
  "De tegenboodschap van sleutelfiguren werkte beter dan die van de gemeente.",
  "Het verwijderverzoek liep via het verkeerde kanaal: voortaan het DSA-formulier van het platform.",
  "Snel online zichtbaar zijn voorkwam een samenkomst; herhalen bij een volgende oproep.",
  "Afstemming in de driehoek kostte te veel tijd; een vaste belronde afspreken.",
  "",
};
static const char * const effects[] = { "worked", "worked", "partly", "partly", "not_worked", "unknown" };
static const char * const message_states[] = { "not_requested", "requested", "acknowledged", "removed", "refused", "no_answer" };
static const char * const takedown_channels[] = { "e-mail", "webformulier", "trusted flagger" };

/* The roles a complete case has: every letter has someone to go to. */
static const char * const complete_roles[] = { "youth", "parent", "organiser", "platform", "key_figure" };

static const char * const responsibles[] = {
  "Team OOV", "Politie (digitale wijkagent)", "Jongerenwerk", "Communicatie", "Burgemeester", "OM",
};

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static gboolean
step (LuwteStore  *store,
      LuwteStmt   *stmt,
      GError     **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return luwte_store_set_error (store, rc, error);
  return TRUE;
}

static gboolean
add_party (LuwteStore  *store,
           gint64       case_id,
           const char  *role,
           const char  *name,
           const char  *organisation,
           const char  *contact,
           const char  *address,
           gint64      *id,
           GError     **error)
{
  g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
    "INSERT INTO parties (case_id, role, name, organisation, contact, address) VALUES (?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, case_id);
  sqlite3_bind_text (stmt, 2, role, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, organisation, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, contact, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, address, -1, SQLITE_TRANSIENT);
  if (!step (store, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (luwte_store_get_db (store));
  return TRUE;
}

/**
 * luwte_demo_add_cases:
 * @card: the card to choose interventions from
 * @n_cases: how many cases to add
 * @seed: the same seed gives the same cases
 *
 * Adds synthetic cases, with platforms, status history, parties, online
 * messages, two to five log entries each and chosen interventions, spread
 * over the last years; all or nothing. The first case has a party in
 * every role a letter goes to.
 */
gboolean
luwte_demo_add_cases (LuwteStore  *store,
                      LuwteCard   *card,
                      guint        n_cases,
                      guint32      seed,
                      GError     **error)
{
  return luwte_demo_add_cases_with_notes (store, card, n_cases, 0, seed, error);
}

/**
 * luwte_demo_add_cases_with_notes:
 * @n_notes: how many log entries to add over all cases, spread evenly;
 *   0 for two to five per case
 *
 * As luwte_demo_add_cases(), with a given number of log entries: the
 * benchmarks ask for a long log, and adding it here keeps the search
 * index to one pass at the end.
 */
gboolean
luwte_demo_add_cases_with_notes (LuwteStore  *store,
                                 LuwteCard   *card,
                                 guint        n_cases,
                                 guint        n_notes,
                                 guint32      seed,
                                 GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  /* The evaluation of closed cases draws from its own sequence, so the
   * rest of a seed's cases stays as it was before evaluations existed. */
  g_autoptr(GRand) evaluation = g_rand_new_with_seed (seed ^ 0x5eed1e55u);
  g_autoptr(GPtrArray) interventions = luwte_card_list_interventions (card);
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  /* Anchored at noon today, so a seed gives the same times all day. */
  g_autoptr(GDateTime) now = g_date_time_new_local (g_date_time_get_year (today), g_date_time_get_month (today),
                                                    g_date_time_get_day_of_month (today), 12, 0, 0);
  g_autofree char *prefix = luwte_store_get_setting (store, "reference_prefix", "OOV");
  static const char * const statuses[] = { "signal", "active", "monitoring", "closed" };
  static const char * const iv_statuses[] = { "considered", "planned", "in_progress", "done", "dropped" };
  g_autoptr(LuwteSearchPause) pause = NULL;
  sqlite3 *db = luwte_store_get_db (store);

  if (!luwte_store_begin (store, error))
    return FALSE;
  /* Indexed all at once at the end, not again after every row. */
  pause = luwte_search_pause_index (store, error);
  if (pause == NULL)
    goto failed;

  for (guint i = 0; i < n_cases; i++)
    {
      /* Spread over about five years, older cases mostly closed. */
      /* A quarter in the last two months, so a demo has open cases. */
      gint64 minutes_ago = i % 4 == 0 ? g_rand_int_range (rand, 0, 60 * 24 * 60)
                                      : g_rand_int_range (rand, 0, 5 * 365 * 24 * 60);
      g_autoptr(GDateTime) opened = g_date_time_add_minutes (now, -minutes_ago);
      g_autoptr(GDateTime) event = g_date_time_add_hours (opened, g_rand_int_range (rand, 2, 72));
      g_autofree char *opened_at = g_date_time_format (opened, "%FT%T%:z");
      g_autofree char *event_at = g_date_time_format (event, "%FT%T%:z");
      g_autoptr(GDateTime) later = g_date_time_add_hours (event, g_rand_int_range (evaluation, 1, 30 * 24));
      /* Closed before now: a recent case closed within the time it had */
      g_autoptr(GDateTime) closed = g_date_time_compare (later, now) < 0 ? g_date_time_ref (later)
        : g_date_time_add_minutes (opened, minutes_ago * g_rand_int_range (evaluation, 1, 10) / 10);
      g_autofree char *closed_at = g_date_time_format (closed, "%FT%T%:z");
      g_autofree char *title = NULL;
      g_autofree char *location = NULL;
      g_autofree char *summary = NULL;
      g_autofree char *reference = NULL;
      const char *status = minutes_ago > 60 * 24 * 60 ? "closed" : statuses[g_rand_int_range (rand, 0, 4)];
      int year = g_date_time_get_year (opened);
      gint64 number;
      gint64 case_id;
      gint64 party_ids[3 + G_N_ELEMENTS (complete_roles)];
      int n_party_ids;

      title = g_strdup_printf ("%s %s", PICK (rand, events), PICK (rand, towns));
      location = g_strdup_printf ("%s, %s", PICK (rand, places), PICK (rand, towns));
      summary = g_strdup_printf ("%s. %s %s", PICK (rand, sources), PICK (rand, details), PICK (rand, details));

      reference = luwte_store_next_reference (store, prefix, year, &number, error);
      if (reference == NULL)
        goto failed;

      {
        g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
          "INSERT INTO cases (reference, ref_prefix, ref_year, ref_number, title, status, opened_at, closed_at,"
          " location, event_at, summary, updated_at, lessons) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
        if (stmt == NULL)
          goto failed;
        sqlite3_bind_text (stmt, 1, reference, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 2, prefix, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int (stmt, 3, year);
        sqlite3_bind_int64 (stmt, 4, number);
        sqlite3_bind_text (stmt, 5, title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 6, status, -1, SQLITE_STATIC);
        sqlite3_bind_text (stmt, 7, opened_at, -1, SQLITE_TRANSIENT);
        if (g_str_equal (status, "closed"))
          sqlite3_bind_text (stmt, 8, closed_at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 9, location, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 10, event_at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 11, summary, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 12, opened_at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (stmt, 13, g_str_equal (status, "closed") ? PICK (evaluation, lessons) : "", -1, SQLITE_STATIC);
        if (!step (store, stmt, error))
          goto failed;
        case_id = sqlite3_last_insert_rowid (db);
      }

      /* One or two different platforms. */
      for (int p = 0, n = g_rand_int_range (rand, 1, 3), first = g_rand_int_range (rand, 0, G_N_ELEMENTS (platforms)),
           step_by = g_rand_int_range (rand, 1, G_N_ELEMENTS (platforms)); p < n; p++)
        {
          g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
            "INSERT OR IGNORE INTO case_platforms (case_id, position, platform) VALUES (?, ?, ?)", error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, case_id);
          sqlite3_bind_int (stmt, 2, p);
          sqlite3_bind_text (stmt, 3, platforms[(first + p * step_by) % G_N_ELEMENTS (platforms)], -1, SQLITE_STATIC);
          if (!step (store, stmt, error))
            goto failed;
        }

      /* Every case begins as a signal; a closed one was closed later. */
      for (int k = 0; k < (g_str_equal (status, "closed") ? 2 : 1); k++)
        {
          g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
            "INSERT INTO status_changes (case_id, at, from_status, to_status) VALUES (?, ?, ?, ?)", error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, case_id);
          sqlite3_bind_text (stmt, 2, k == 0 ? opened_at : closed_at, -1, SQLITE_TRANSIENT);
          if (k == 1)
            sqlite3_bind_text (stmt, 3, "signal", -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, k == 0 && g_str_equal (status, "closed") ? "signal" : status, -1, SQLITE_STATIC);
          if (!step (store, stmt, error))
            goto failed;
        }

      n_party_ids = 0;
      for (int k = 0, n = g_rand_int_range (rand, 1, 4); k < n; k++)
        {
          guint which = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (demo_parties));

          if (!add_party (store, case_id, demo_parties[which].role, demo_parties[which].name,
                          demo_parties[which].organisation, "", "", &party_ids[n_party_ids++], error))
            goto failed;
        }

      /* The first case of every batch, and a third of the rest, has a
       * youth who called for it and everyone the letters go to. */
      if (i == 0 || g_rand_int_range (rand, 0, 3) == 0)
        {
          const char *family = PICK (rand, last_names);
          const char *town = PICK (rand, towns);
          const char *platform = PICK (rand, platforms);
          g_autofree char *youth = g_strdup_printf ("%s %s", PICK (rand, first_names), family);
          g_autofree char *parents = g_strdup_printf ("Fam. %s", family);
          g_autofree char *address = g_strdup_printf ("%s %d\n%04d AB %s", PICK (rand, streets),
                                                      g_rand_int_range (rand, 1, 200), g_rand_int_range (rand, 1000, 9999), town);
          g_autofree char *organiser = g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, last_names));
          g_autofree char *platform_host = g_ascii_strdown (platform, -1);
          g_autofree char *abuse = g_strdup_printf ("legal@%s.example", platform_host);
          const char *names[] = { youth, parents, organiser, "Trust & Safety", "Sleutelfiguur (demo)" };
          const char *organisations[] = { "", "", "", platform, "Buurtvereniging" };
          g_autofree char *organiser_address = g_strdup_printf ("%s %d\n%04d CD %s", PICK (rand, streets),
                                                                g_rand_int_range (rand, 1, 200),
                                                                g_rand_int_range (rand, 1000, 9999), PICK (rand, towns));
          const char *contacts[] = { "", "", "", abuse, "" };
          const char *addresses[] = { address, address, organiser_address, "", "" };

          for (guint k = 0; k < G_N_ELEMENTS (complete_roles); k++)
            if (!add_party (store, case_id, complete_roles[k], names[k], organisations[k], contacts[k], addresses[k],
                            &party_ids[n_party_ids++], error))
              goto failed;
        }

      for (int k = 0, n = g_rand_int_range (rand, 1, 4); k < n; k++)
        {
          const char *platform = PICK (rand, platforms);
          g_autofree char *account = g_strdup_printf ("demo_%s_%u", PICK (rand, towns), (guint) g_rand_int_range (rand, 10, 99));
          g_autofree char *host = g_ascii_strdown (platform, -1);
          g_autofree char *url = g_strdup_printf ("https://%s.example/%s/%u", host, account,
                                                  (guint) g_rand_int_range (rand, 100000, 999999));
          g_autoptr(GDateTime) posted = g_date_time_add_minutes (opened, -g_rand_int_range (rand, 10, 600));
          g_autofree char *posted_at = g_date_time_format (posted, "%FT%T%:z");
          const char *takedown = i == 0 ? "not_requested" : PICK (rand, message_states);
          g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
            "INSERT INTO evidence (case_id, url, platform, account, posted_at, captured_at, description, takedown,"
            " takedown_at, takedown_channel, takedown_due) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            goto failed;
          /* A request went out some hours after the message was found,
           * with two days for an answer; a closed case waits for none. */
          if (!g_str_equal (takedown, "not_requested"))
            {
              g_autoptr(GDateTime) requested = g_date_time_add_hours (opened, g_rand_int_range (rand, 1, 12));
              g_autoptr(GDateTime) due = g_date_time_add_days (requested, 2);
              g_autofree char *requested_at = g_date_time_format (requested, "%FT%T%:z");
              g_autofree char *due_at = g_date_time_format (due, "%FT%T%:z");

              if (g_str_equal (status, "closed") &&
                  (g_str_equal (takedown, "requested") || g_str_equal (takedown, "acknowledged")))
                takedown = "no_answer";
              sqlite3_bind_text (stmt, 9, requested_at, -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 10, PICK (rand, takedown_channels), -1, SQLITE_STATIC);
              sqlite3_bind_text (stmt, 11, due_at, -1, SQLITE_TRANSIENT);
            }
          else
            sqlite3_bind_text (stmt, 10, "", -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 1, case_id);
          sqlite3_bind_text (stmt, 2, url, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, platform, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 4, account, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 5, posted_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 6, opened_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 7, PICK (rand, message_texts), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 8, takedown, -1, SQLITE_STATIC);
          if (!step (store, stmt, error))
            goto failed;
        }

      /* The draw is made either way, so a seed's cases stay the same. */
      int varied_notes = g_rand_int_range (rand, 2, 6);
      guint64 notes_here = n_notes == 0 ? (guint64) varied_notes
        : (guint64) n_notes * (i + 1) / n_cases - (guint64) n_notes * i / n_cases;

      for (guint64 k = 0; k < notes_here; k++)
        {
          g_autoptr(GDateTime) at = g_date_time_add_minutes (opened, g_rand_int_range (rand, 5, 4 * 24 * 60));
          g_autofree char *at_text = g_date_time_format (at, "%FT%T%:z");
          guint which = (guint) g_rand_int_range (rand, 0, n_party_ids);
          g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
            "INSERT INTO notes (case_id, at, kind, party, text, created_at, party_id)"
            " VALUES (?1, ?2, ?3, (SELECT CASE name WHEN '' THEN organisation ELSE name END FROM parties WHERE id = ?7),"
            "         ?5, ?6, ?7)", error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, case_id);
          sqlite3_bind_text (stmt, 2, at_text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, PICK (rand, note_kinds), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, PICK (rand, note_texts), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, at_text, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 7, party_ids[which]);
          if (!step (store, stmt, error))
            goto failed;
        }

      for (int k = 0, n = g_rand_int_range (rand, 1, 4); k < n; k++)
        {
          LuwteCardIntervention *item = g_ptr_array_index (interventions, g_rand_int_range (rand, 0, interventions->len));
          const char *iv_status = iv_statuses[g_rand_int_range (rand, 0, 5)];
          g_autoptr(LuwteStmt) stmt = luwte_store_prepare (store,
            "INSERT INTO case_interventions (case_id, card_id, card_version, status, responsible, rationale,"
            " outcome, created_at, updated_at, party_id, effect) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, case_id);
          sqlite3_bind_text (stmt, 2, luwte_card_intervention_get_id (item), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, luwte_card_get_version (card), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 4, iv_status, -1, SQLITE_STATIC);
          /* A closed case evaluated what was used; some were closed without. */
          if (g_str_equal (status, "closed") && (g_str_equal (iv_status, "done") || g_str_equal (iv_status, "in_progress")) &&
              g_rand_int_range (evaluation, 0, 10) > 0)
            sqlite3_bind_text (stmt, 11, PICK (evaluation, effects), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 5, PICK (rand, responsibles), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 6, PICK (rand, rationales), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 7, PICK (rand, outcomes), -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 8, opened_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 9, opened_at, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 10, party_ids[g_rand_int_range (rand, 0, n_party_ids)]);
          if (!step (store, stmt, error))
            goto failed;
        }
    }

  {
    g_autofree char *detail = g_strdup_printf ("%u demo cases, seed %u", n_cases, seed);
    if (!luwte_search_resume_index (store, pause, error) ||
        !luwte_store_audit (store, NULL, "demo.add", detail, error) ||
        !luwte_store_commit (store, error))
      goto failed;
  }
  return TRUE;

failed:
  luwte_store_rollback (store);
  return FALSE;
}
