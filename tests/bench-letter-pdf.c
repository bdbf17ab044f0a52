/* bench-letter-pdf.c — a one-page letter laid out and made into PDF bytes,
 * as `luwte-cli letter … -o brief.pdf` and the letter editor's export do.
 * Prints the median time per letter; asserts nothing about time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-letter-layout.h"

#include <stdlib.h>

#define RUNS 50

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

int
main (int   argc,
      char *argv[])
{
  LuwteLetterContent content = {
    .language = LUWTE_LANGUAGE_NL,
    .municipality = "Gemeente Voorbeeld",
    .sender_address = "Postbus 1\n1234 AA Voorbeeld",
    .contact_line = "14 0123 · oov@voorbeeld.nl",
    .recipient_block = "Fam. De Vries\nDorpsstraat 1\n1234 AB  Voorbeeld",
    .date = "14 september 2026",
    .reference = "OOV-2026-0042",
    .subject = "Oproep tot ordeverstoring via sociale media",
    .body =
      "Geachte familie De Vries,\n\n"
      "Op vrijdag 11 september 2026 werd via sociale media opgeroepen om zaterdagavond naar het "
      "winkelcentrum te komen. Wij hebben aanwijzingen dat uw zoon betrokken is bij het verspreiden "
      "van dit bericht. Wij vragen u daarom met hem in gesprek te gaan over de gevolgen die zo'n "
      "oproep kan hebben, voor anderen en voor hemzelf.\n\n"
      "Wij nodigen u en uw zoon uit voor een gesprek met de wijkagent en een jongerenwerker. "
      "U hoort binnenkort van ons wanneer dat gesprek plaatsvindt.\n\n"
      "Meer informatie vindt u op https://www.voorbeeld.nl/veiligheid/oproepen-online\n\n"
      "Met vriendelijke groet,\n\nDe burgemeester van Voorbeeld,\n\n\n\nJ. Jansen",
  };
  gint64 times[RUNS];
  gsize size = 0;

  for (int run = -1; run < RUNS; run++)
    {
      g_autoptr(LuwteLetterLayout) layout = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      layout = luwte_letter_layout_new (&content, &error);
      g_assert_no_error (error);
      g_assert_cmpint (luwte_letter_layout_get_n_pages (layout), ==, 1);
      pdf = luwte_letter_layout_to_pdf (layout, &error);
      g_assert_no_error (error);
      size = g_bytes_get_size (pdf);
      /* The first run loads the fonts once for the process: kept apart. */
      if (run < 0)
        g_print ("first letter, fonts loaded  %7.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
      else
        times[run] = g_get_monotonic_time () - start;
    }

  qsort (times, RUNS, sizeof (gint64), compare_gint64);
  g_print ("one-page letter to PDF bytes (%" G_GSIZE_FORMAT " bytes), median of %d runs:\n", size, RUNS);
  g_print ("  per letter                %7.1f ms   (target under 50)\n", times[RUNS / 2] / 1000.0);
  return 0;
}
