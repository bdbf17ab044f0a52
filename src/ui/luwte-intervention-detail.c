/* luwte-intervention-detail.c — everything the card says about one intervention
 *
 * Shows the description, the place on the escalation ladder, who decides,
 * the sub-interventions, examples, legal basis, conditions, caveats, further
 * information and sources, with the card's disclaimer always beneath: it
 * belongs where the user decides. Search matches are marked in every text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-detail"

#include "config.h"

#include "luwte-intervention-detail.h"
#include "luwte-highlight.h"

#include <glib/gi18n.h>

struct _LuwteInterventionDetail
{
  AdwBin                 parent_instance;

  LuwteCard             *card;
  LuwteLanguage          language;
  LuwteCardIntervention *intervention;
  GStrv                  words;
  GPtrArray             *texts;          /* ShownText: every label with its text */

  GtkStack              *stack;
  AdwStatusPage         *empty_page;
  GtkScrolledWindow     *scroller;
  GtkLabel              *group_label;
  GtkLabel              *title_label;
  GtkLevelBar           *ladder_bar;
  GtkLabel              *ladder_label;
  GtkLabel              *description_label;
  GtkWidget             *decides_section;
  GtkLabel              *decides_label;
  GtkWidget             *children_section;
  GtkListBox            *children_list;
  GtkWidget             *examples_section;
  GtkBox                *examples_box;
  GtkWidget             *legal_section;
  GtkBox                *legal_box;
  GtkWidget             *conditions_section;
  GtkBox                *conditions_box;
  GtkWidget             *caveats_section;
  GtkBox                *caveats_box;
  GtkExpander           *more_info_expander;
  GtkLabel              *more_info_label;
  GtkWidget             *sources_section;
  GtkBox                *sources_box;
  GtkLabel              *disclaimer_label;
  GtkBox                *remarks_box;
};

G_DEFINE_FINAL_TYPE (LuwteInterventionDetail, luwte_intervention_detail, ADW_TYPE_BIN)

enum {
  OPEN_INTERVENTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct {
  GtkLabel *label;   /* borrowed: lives as long as the detail shows it */
  char     *text;
} ShownText;

static void
shown_text_free (ShownText *shown)
{
  g_free (shown->text);
  g_free (shown);
}

/* Shows @text in @label and remembers it for re-marking on a new search. */
static void
show_text (LuwteInterventionDetail *self,
           GtkLabel                *label,
           const char              *text)
{
  ShownText *shown = g_new0 (ShownText, 1);

  shown->label = label;
  shown->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (self->texts, shown);
  luwte_label_set_highlighted (label, shown->text, (const char * const *) self->words);
}

static GtkLabel *
new_text_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return GTK_LABEL (label);
}

/* A line with a bullet, for conditions and caveats. */
static void
add_bullet (LuwteInterventionDetail *self,
            GtkBox                  *box,
            const char              *text,
            const char              *icon_name)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bullet = gtk_image_new_from_icon_name (icon_name);
  GtkLabel *label = new_text_label (NULL);

  gtk_widget_set_valign (bullet, GTK_ALIGN_START);
  gtk_widget_set_margin_top (bullet, 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bullet),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_hexpand (GTK_WIDGET (label), TRUE);
  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (label));
  gtk_box_append (box, row);
  show_text (self, label, text);
}

static void
remove_all_children (GtkWidget *container)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (container)) != NULL)
    {
      if (GTK_IS_LIST_BOX (container))
        gtk_list_box_remove (GTK_LIST_BOX (container), child);
      else
        gtk_box_remove (GTK_BOX (container), child);
    }
}

static void
on_child_row_activated (LuwteInterventionDetail *self,
                        GtkListBoxRow           *row)
{
  LuwteCardIntervention *child = g_object_get_data (G_OBJECT (row), "intervention");

  g_signal_emit (self, signals[OPEN_INTERVENTION], 0, child);
}

static void
fill_children (LuwteInterventionDetail *self)
{
  GListModel *children = luwte_card_intervention_get_children (self->intervention);
  guint n = g_list_model_get_n_items (children);

  remove_all_children (GTK_WIDGET (self->children_list));
  gtk_widget_set_visible (self->children_section, n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LuwteCardIntervention) child = g_list_model_get_item (children, i);
      const char *title = luwte_localized_get (luwte_card_intervention_get_title (child), self->language);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkLabel *label = new_text_label (NULL);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_label_set_selectable (label, FALSE);
      gtk_widget_set_hexpand (GTK_WIDGET (label), TRUE);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (label));
      gtk_box_append (GTK_BOX (box), arrow);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data_full (G_OBJECT (row), "intervention", g_object_ref (child), g_object_unref);
      gtk_list_box_append (self->children_list, row);
      show_text (self, label, title);
    }
}

static void
fill_examples (LuwteInterventionDetail *self)
{
  GPtrArray *examples = luwte_card_intervention_get_examples (self->intervention);

  remove_all_children (GTK_WIDGET (self->examples_box));
  gtk_widget_set_visible (self->examples_section, examples->len > 0);

  for (guint i = 0; i < examples->len; i++)
    {
      LuwteCardExample *example = g_ptr_array_index (examples, i);
      const char *title = luwte_localized_get (&example->title, self->language);

      if (example->url != NULL)
        {
          GtkWidget *link = gtk_link_button_new_with_label (example->url, title);

          gtk_widget_set_halign (link, GTK_ALIGN_START);
          gtk_box_append (self->examples_box, link);
        }
      else
        add_bullet (self, self->examples_box, title, "media-playback-start-symbolic");
    }
}

static void
fill_legal_basis (LuwteInterventionDetail *self)
{
  GPtrArray *basis = luwte_card_intervention_get_legal_basis (self->intervention);

  remove_all_children (GTK_WIDGET (self->legal_box));
  gtk_widget_set_visible (self->legal_section, basis->len > 0);

  for (guint i = 0; i < basis->len; i++)
    {
      LuwteLegalBasis *item = g_ptr_array_index (basis, i);
      GtkWidget *entry = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkLabel *article = new_text_label ("heading");
      GtkLabel *summary = new_text_label (NULL);

      gtk_box_append (GTK_BOX (entry), GTK_WIDGET (article));
      gtk_box_append (GTK_BOX (entry), GTK_WIDGET (summary));
      gtk_box_append (self->legal_box, entry);
      show_text (self, article, item->article);
      show_text (self, summary, luwte_localized_get (&item->summary, self->language));
    }
}

static void
fill_bullets (LuwteInterventionDetail *self,
              GtkWidget               *section,
              GtkBox                  *box,
              GPtrArray               *texts,
              const char              *icon_name)
{
  remove_all_children (GTK_WIDGET (box));
  gtk_widget_set_visible (section, texts->len > 0);

  for (guint i = 0; i < texts->len; i++)
    add_bullet (self, box, luwte_localized_get (g_ptr_array_index (texts, i), self->language), icon_name);
}

static void
fill_sources (LuwteInterventionDetail *self)
{
  GPtrArray *sources = luwte_card_intervention_get_sources (self->intervention);

  remove_all_children (GTK_WIDGET (self->sources_box));
  gtk_widget_set_visible (self->sources_section, sources->len > 0);

  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *line = luwte_card_source_describe (g_ptr_array_index (sources, i), self->language);

      add_bullet (self, self->sources_box, line, "accessories-dictionary-symbolic");
    }
}

/* The texts that stay with the card, not the intervention: re-registered
 * on every fill because the shown-texts list is cleared then. */
static void
fill_disclaimer (LuwteInterventionDetail *self)
{
  GPtrArray *remarks;

  remove_all_children (GTK_WIDGET (self->remarks_box));
  if (self->card == NULL)
    return;

  show_text (self, self->disclaimer_label, luwte_localized_get (luwte_card_get_disclaimer (self->card), self->language));
  remarks = luwte_card_get_remarks (self->card);
  for (guint i = 0; i < remarks->len; i++)
    {
      GtkLabel *label = new_text_label ("caption");

      gtk_box_append (self->remarks_box, GTK_WIDGET (label));
      show_text (self, label, luwte_localized_get (g_ptr_array_index (remarks, i), self->language));
    }
}

static void
fill (LuwteInterventionDetail *self)
{
  LuwteCardIntervention *item = self->intervention;
  LuwteCardGroup *group;
  const LuwteLocalized *decides;
  const LuwteLocalized *more_label;
  g_autofree char *group_line = NULL;
  g_autofree char *ladder = NULL;
  guint intensity;

  g_ptr_array_set_size (self->texts, 0);

  if (item == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  group = luwte_card_intervention_get_group (item);
  /* TRANSLATORS: "Group 6 · Bestuurlijke bevoegdheden" above an intervention */
  group_line = g_strdup_printf (_("Group %u · %s"), luwte_card_group_get_number (group),
                                luwte_localized_get (luwte_card_group_get_title (group), self->language));
  show_text (self, self->group_label, group_line);
  show_text (self, self->title_label, luwte_localized_get (luwte_card_intervention_get_title (item), self->language));

  intensity = luwte_card_intervention_get_intensity (item);
  gtk_level_bar_set_value (self->ladder_bar, intensity);
  /* TRANSLATORS: place on the escalation ladder, e.g. "7 of 10" */
  ladder = g_strdup_printf (_("%u of 10"), intensity);
  gtk_label_set_text (self->ladder_label, ladder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ladder_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Escalation ladder, from lightest to heaviest"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, ladder,
                                  -1);

  show_text (self, self->description_label, luwte_localized_get (luwte_card_intervention_get_description (item), self->language));
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          gtk_label_get_text (self->description_label)[0] != '\0');

  decides = luwte_card_intervention_get_decides (item);
  gtk_widget_set_visible (self->decides_section, decides != NULL);
  if (decides != NULL)
    show_text (self, self->decides_label, luwte_localized_get (decides, self->language));

  fill_children (self);
  fill_examples (self);
  fill_legal_basis (self);
  fill_bullets (self, self->conditions_section, self->conditions_box,
                luwte_card_intervention_get_conditions (item), "object-select-symbolic");
  fill_bullets (self, self->caveats_section, self->caveats_box,
                luwte_card_intervention_get_caveats (item), "dialog-warning-symbolic");

  more_label = luwte_card_intervention_get_more_info_label (item);
  gtk_widget_set_visible (GTK_WIDGET (self->more_info_expander), more_label != NULL);
  if (more_label != NULL)
    {
      gtk_expander_set_label (self->more_info_expander, luwte_localized_get (more_label, self->language));
      /* GTK 4.8 does not name an expander after its label. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->more_info_expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      luwte_localized_get (more_label, self->language), -1);
      show_text (self, self->more_info_label,
                 luwte_localized_get (luwte_card_intervention_get_more_info_text (item), self->language));
    }

  fill_sources (self);
  fill_disclaimer (self);

  gtk_stack_set_visible_child_name (self->stack, "detail");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
luwte_intervention_detail_dispose (GObject *object)
{
  LuwteInterventionDetail *self = (LuwteInterventionDetail *) object;

  /* The labels go with the template; forget them first. */
  if (self->texts != NULL)
    g_ptr_array_set_size (self->texts, 0);

  G_OBJECT_CLASS (luwte_intervention_detail_parent_class)->dispose (object);
}

static void
luwte_intervention_detail_finalize (GObject *object)
{
  LuwteInterventionDetail *self = (LuwteInterventionDetail *) object;

  g_clear_object (&self->card);
  g_clear_object (&self->intervention);
  g_clear_pointer (&self->words, g_strfreev);
  g_clear_pointer (&self->texts, g_ptr_array_unref);

  G_OBJECT_CLASS (luwte_intervention_detail_parent_class)->finalize (object);
}

static void
luwte_intervention_detail_class_init (LuwteInterventionDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = luwte_intervention_detail_dispose;
  object_class->finalize = luwte_intervention_detail_finalize;

  /**
   * LuwteInterventionDetail::open-intervention:
   * @intervention: the sub-intervention the user chose
   */
  signals[OPEN_INTERVENTION] =
    g_signal_new ("open-intervention",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, LUWTE_TYPE_CARD_INTERVENTION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/luwte-intervention-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, group_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, ladder_bar);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, ladder_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, description_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, decides_section);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, decides_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, children_section);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, children_list);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, examples_section);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, examples_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, legal_section);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, legal_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, conditions_section);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, conditions_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, caveats_section);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, caveats_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, more_info_expander);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, more_info_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, sources_section);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, sources_box);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, disclaimer_label);
  gtk_widget_class_bind_template_child (widget_class, LuwteInterventionDetail, remarks_box);
  gtk_widget_class_bind_template_callback (widget_class, on_child_row_activated);
}

static void
luwte_intervention_detail_init (LuwteInterventionDetail *self)
{
  self->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) shown_text_free);
  self->language = LUWTE_LANGUAGE_EN;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->children_list, "row-activated",
                           G_CALLBACK (on_child_row_activated), self, G_CONNECT_SWAPPED);
}

GtkWidget *
luwte_intervention_detail_new (void)
{
  return g_object_new (LUWTE_TYPE_INTERVENTION_DETAIL, NULL);
}

void
luwte_intervention_detail_set_card (LuwteInterventionDetail *self,
                                    LuwteCard               *card,
                                    LuwteLanguage            language)
{
  g_return_if_fail (LUWTE_IS_INTERVENTION_DETAIL (self));
  g_return_if_fail (LUWTE_IS_CARD (card));

  g_set_object (&self->card, card);
  self->language = language;
  g_clear_object (&self->intervention);
  fill (self);
}

/**
 * luwte_intervention_detail_set_intervention:
 * @intervention: (nullable): what to show, or %NULL for the hint to choose
 */
void
luwte_intervention_detail_set_intervention (LuwteInterventionDetail *self,
                                            LuwteCardIntervention   *intervention)
{
  g_return_if_fail (LUWTE_IS_INTERVENTION_DETAIL (self));
  g_return_if_fail (intervention == NULL || LUWTE_IS_CARD_INTERVENTION (intervention));

  if (self->intervention == intervention)
    return;
  g_set_object (&self->intervention, intervention);
  fill (self);
}

LuwteCardIntervention *
luwte_intervention_detail_get_intervention (LuwteInterventionDetail *self)
{
  g_return_val_if_fail (LUWTE_IS_INTERVENTION_DETAIL (self), NULL);
  return self->intervention;
}

/**
 * luwte_intervention_detail_set_search_words:
 * @words: (nullable): folded words to mark, from luwte_text_split_words()
 */
void
luwte_intervention_detail_set_search_words (LuwteInterventionDetail *self,
                                            const char * const      *words)
{
  g_return_if_fail (LUWTE_IS_INTERVENTION_DETAIL (self));

  g_clear_pointer (&self->words, g_strfreev);
  self->words = g_strdupv ((char **) words);

  for (guint i = 0; i < self->texts->len; i++)
    {
      ShownText *shown = g_ptr_array_index (self->texts, i);
      luwte_label_set_highlighted (shown->label, shown->text, (const char * const *) self->words);
    }
}

/* The number of marked matches in everything shown. */
guint
luwte_intervention_detail_count_highlights (LuwteInterventionDetail *self)
{
  guint count = 0;

  g_return_val_if_fail (LUWTE_IS_INTERVENTION_DETAIL (self), 0);

  for (guint i = 0; i < self->texts->len; i++)
    count += luwte_label_count_highlights (((ShownText *) g_ptr_array_index (self->texts, i))->label);
  return count;
}
