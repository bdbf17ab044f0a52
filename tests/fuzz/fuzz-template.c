/* fuzz-template.c — the letter template parser and renderer on any bytes at all
 *
 * A user's own template is a file from outside: whatever it holds, parsing
 * it must end in a template or an error naming a place, never a crash, a
 * hang or a leak; and what it accepts must render, check and copy.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-template.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static LuwteTemplateValues *
sample_values (void)
{
  LuwteTemplateValues *values = luwte_template_values_new ();
  guint item;

  luwte_template_values_set (values, "zaak.kenmerk", "{{zaak.kenmerk}}");
  luwte_template_values_set (values, "zaak.titel", "<b>&\u202E</b>\n");
  luwte_template_values_set (values, "brief.uitleg", "[[datum]]");
  item = luwte_template_values_add_bericht (values);
  luwte_template_values_set_bericht (values, item, "bericht.url", "https://example.org/{{#each berichten}}");
  luwte_template_values_add_bericht (values);
  return values;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteTemplate) template = luwte_template_parse ((const char *) data, size, "fuzz.nl.txt", &error);

  g_assert ((template == NULL) != (error == NULL));
  if (template == NULL)
    {
      g_assert (g_str_has_prefix (error->message, "fuzz.nl.txt:"));
      g_assert (strchr (error->message, '\n') == NULL);
      return 0;
    }

  /* What the letter editor does with a template it accepted. */
  {
    g_autoptr(LuwteTemplateValues) empty = luwte_template_values_new ();
    g_autoptr(LuwteTemplateValues) values = sample_values ();
    g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *subject = luwte_template_render_subject (template, values, missing);
    g_autofree char *body = luwte_template_render_body (template, empty, missing);
    g_autofree char *letter = g_strconcat (subject, "\n", body, NULL);
    g_autoptr(GPtrArray) left = luwte_template_missing_in_text (letter);
    g_autoptr(GArray) met = luwte_template_check (template, values, letter);
    g_autofree char *copy_text = luwte_template_copy_text (template, "fuzz-copy", "Kopie");
    g_autoptr(LuwteTemplate) copy = luwte_template_parse (copy_text, -1, "fuzz-copy.nl.txt", NULL);

    g_assert (g_utf8_validate (subject, -1, NULL));
    g_assert (strchr (subject, '\n') == NULL);
    g_assert (g_utf8_validate (body, -1, NULL));
    /* Every field reported missing left its placeholder in the text. */
    for (guint i = 0; i < missing->len; i++)
      g_assert (g_ptr_array_find_with_equal_func (left, g_ptr_array_index (missing, i), g_str_equal, NULL));
    g_assert_cmpuint (met->len, ==, luwte_template_get_checks (template)->len);
    g_assert (copy != NULL);
    g_assert_cmpstr (luwte_template_get_id (copy), ==, "fuzz-copy");
  }
  return 0;
}
