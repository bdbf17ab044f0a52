/* luwte-cli-stats.c — `luwte-cli stats [--json] [--from DATE] [--to DATE]`
 *
 * DATE is a day, 2026-01-01; --to is the first day after the period.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-cli"

#include "config.h"

#include "luwte-cli.h"
#include "luwte-statistics.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

static void
print_text (const LuwteStatistics *stats,
            LuwteCard             *card,
            LuwteLanguage          language)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (stats->from == NULL && stats->to == NULL)
    g_string_append_printf (out, "%s\n", _("Period: all cases"));
  else
    /* TRANSLATORS: the period of the statistics: "Period: from 2026-01-01 up to 2027-01-01", the last day not included */
    g_string_append_printf (out, _("Period: from %s up to %s\n"), stats->from != NULL ? stats->from : "…",
                            stats->to != NULL ? stats->to : "…");
  g_string_append_printf (out, "%s %" G_GINT64_FORMAT "\n", _("Cases:"), stats->cases);

  g_string_append_printf (out, "\n%s\n", _("Cases per month"));
  for (guint i = 0; i < stats->months->len; i++)
    {
      const LuwteMonthFigure *month = &g_array_index (stats->months, LuwteMonthFigure, i);

      g_string_append_printf (out, "  %s  %6" G_GINT64_FORMAT "\n", month->month, month->cases);
    }

  g_string_append_printf (out, "\n%s\n", _("Interventions used per group (in progress or done), by effect"));
  for (guint i = 0; i < LUWTE_N_CARD_GROUPS; i++)
    {
      const LuwteGroupFigure *group = &stats->groups[i];
      LuwteCardGroup *card_group = luwte_card_get_group (card, group->number);
      const char *title = card_group != NULL ? luwte_localized_get (luwte_card_group_get_title (card_group), language) : "";

      g_autofree char *name = g_strdup_printf (_("Group %u · %s"), group->number, title);

      g_string_append_printf (out, "  %s: %" G_GINT64_FORMAT "\n", name, group->used);
      g_string_append (out, "   ");
      for (LuwteEffect effect = LUWTE_EFFECT_WORKED; effect <= LUWTE_EFFECT_UNKNOWN; effect++)
        g_string_append_printf (out, " %s %" G_GINT64_FORMAT ",", luwte_effect_label (effect), group->effects[effect]);
      g_string_append_printf (out, " %s %" G_GINT64_FORMAT "\n", luwte_effect_label (LUWTE_EFFECT_NOT_EVALUATED),
                              group->effects[LUWTE_EFFECT_NOT_EVALUATED]);
    }
  if (stats->used_off_card > 0)
    g_string_append_printf (out, "  %s %" G_GINT64_FORMAT "\n", _("Not on this card:"), stats->used_off_card);

  g_string_append_printf (out, "\n%s\n", _("From signal to close"));
  if (stats->closed == 0)
    g_string_append_printf (out, "  %s\n", _("No closed cases in this period."));
  else
    {
      g_string_append_printf (out, "  %s %" G_GINT64_FORMAT "\n", _("Closed cases:"), stats->closed);
      g_string_append (out, "  ");
      g_string_append_printf (out, _("Median: %.1f days"), stats->median_days);
      g_string_append (out, "\n  ");
      g_string_append_printf (out, _("Mean: %.1f days"), stats->mean_days);
      g_string_append_c (out, '\n');
    }
  luwte_cli_print (out->str);
}

int
luwte_cli_stats (LuwteCliContext  *context,
                 int               argc,
                 char            **argv)
{
  g_autoptr(LuwteStore) store = NULL;
  g_autoptr(LuwteCard) card = NULL;
  g_autoptr(LuwteStatistics) stats = NULL;
  const char *from = NULL;
  const char *to = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;

  for (int i = 0; i < argc; i++)
    {
      gboolean is_from = g_str_equal (argv[i], "--from") || g_str_has_prefix (argv[i], "--from=");
      gboolean is_to = g_str_equal (argv[i], "--to") || g_str_has_prefix (argv[i], "--to=");

      if (g_str_equal (argv[i], "--json"))
        json = TRUE;
      else if (is_from || is_to)
        {
          const char *name = is_from ? "--from" : "--to";
          const char *value = strchr (argv[i], '=') != NULL ? strchr (argv[i], '=') + 1
                                                            : (i + 1 < argc ? argv[++i] : NULL);

          if (!luwte_statistics_date_is_valid (value))
            return luwte_cli_usage_error (_("stats: %s takes a date such as 2026-01-01"), name);
          if (is_from)
            from = value;
          else
            to = value;
        }
      else
        return luwte_cli_usage_error (_("stats: unexpected “%s”"), argv[i]);
    }
  if (from != NULL && to != NULL && strcmp (from, to) >= 0)
    return luwte_cli_usage_error (_("stats: --from must come before --to"));

  card = luwte_card_load (NULL);
  store = luwte_store_open (context->db_path, &error);
  if (store == NULL)
    return luwte_cli_fail (error);
  stats = luwte_store_get_statistics (store, card, from, to, &error);
  if (stats == NULL)
    return luwte_cli_fail (error);

  if (json)
    {
      g_autoptr(JsonNode) root = luwte_statistics_to_json (stats);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *out = NULL;

      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      out = json_generator_to_data (generator, NULL);
      luwte_cli_print (out);
    }
  else
    print_text (stats, card, context->language);
  return LUWTE_CLI_OK;
}
