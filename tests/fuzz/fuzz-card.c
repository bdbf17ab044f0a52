/* fuzz-card.c — the card loader on any bytes at all
 *
 * A user's own card is a file from outside: whatever it holds, loading it
 * must end in a card or an error, never a crash, a hang or a leak.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "luwte-card.h"
#include "luwte-card-search.h"
#include "luwte-card-writer.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LuwteCard) card = luwte_card_new_from_data ((const char *) data, size, &error);

  g_assert ((card == NULL) != (error == NULL));
  if (card != NULL)
    {
      /* What the application does with a card it accepted. */
      g_autofree char *json = luwte_card_to_json (card, LUWTE_LANGUAGE_NL);
      g_autofree char *text = luwte_card_to_text (card, LUWTE_LANGUAGE_EN);
      g_autoptr(GPtrArray) found = luwte_card_search (card, LUWTE_LANGUAGE_NL, "a");

      g_assert_nonnull (json);
      g_assert_nonnull (text);
      g_assert_nonnull (found);
    }
  return 0;
}
