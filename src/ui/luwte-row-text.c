/* luwte-row-text.c — a list row's title and subtitle, sized by the font
 *
 * Two GtkLabels lay their text out to be measured, again whenever it
 * changes, and that resizes everything up to the window. The rows of a
 * list of 100,000 cases change text as they scroll by, and GTK 4.8 keeps
 * 200 of them, most off screen. This widget is as tall as its fonts say,
 * whatever the text, and takes the width it is given: only rows that are
 * drawn are laid out, each line ellipsized at its end. The title has the
 * widget's CSS font and colour; the subtitle is smaller and dimmed, as
 * Adwaita's caption and dim-label classes make a label. Below them, a
 * row can have a detail: a given number of lines of small text, wrapped,
 * with attributes (the search's matches in bold), cut off with an
 * ellipsis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-row-text"

#include "config.h"

#include "luwte-row-text.h"

#define LINE_SPACING   2      /* px between the lines */
#define CAPTION_POINTS 9      /* Adwaita's .caption font size */
#define DIM_ALPHA      0.55   /* Adwaita's .dim-label opacity */

struct _LuwteRowText
{
  GtkWidget    parent_instance;

  char        *title;
  char        *subtitle;
  gboolean     title_dim;
  char        *detail;
  PangoAttrList *detail_attributes;
  guint        detail_lines;

  /* Made when first needed, dropped when the font or direction changes. */
  PangoFontDescription *small_font;
  PangoLayout          *title_layout;
  PangoLayout          *subtitle_layout;
  PangoLayout          *detail_layout;
  int                   title_height;
  int                   small_height;
  int                   height;
};

G_DEFINE_FINAL_TYPE (LuwteRowText, luwte_row_text, GTK_TYPE_WIDGET)

static void
forget_layout (LuwteRowText *self)
{
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->subtitle_layout);
  g_clear_object (&self->detail_layout);
  self->height = 0;
}

/* Ascent and descent of the font: the height of a line of it, from the
 * font's metrics, which Pango keeps, without shaping any text. */
static int
line_height (PangoContext               *context,
             const PangoFontDescription *font)
{
  g_autoptr(PangoFont) loaded = pango_context_load_font (context, font);
  PangoFontMetrics *metrics;
  int height;

  if (loaded == NULL)
    return 0;
  metrics = pango_font_get_metrics (loaded, NULL);
  height = PANGO_PIXELS_CEIL (pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics));
  pango_font_metrics_unref (metrics);
  return height;
}

static void
ensure_fonts (LuwteRowText *self)
{
  PangoContext *context;
  const PangoFontDescription *font;

  if (self->height > 0)
    return;
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  font = pango_context_get_font_description (context);
  self->small_font = pango_font_description_copy (font);
  pango_font_description_set_size (self->small_font, CAPTION_POINTS * PANGO_SCALE);

  self->title_height = line_height (context, font);
  self->small_height = line_height (context, self->small_font);
  self->height = self->title_height + LINE_SPACING + self->small_height;
  if (self->detail_lines > 0)
    self->height += LINE_SPACING + (int) self->detail_lines * self->small_height;
}

static void
luwte_row_text_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  LuwteRowText *self = LUWTE_ROW_TEXT (widget);

  /* Any width will do: what does not fit is ellipsized. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = *natural = 0;
      return;
    }
  ensure_fonts (self);
  *minimum = *natural = self->height;
}

static PangoLayout *
new_line_layout (LuwteRowText               *self,
                 const PangoFontDescription *font,
                 const char                 *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  if (font != NULL)
    pango_layout_set_font_description (layout, font);
  return layout;
}

/* Dimmed as CSS opacity dims a label. */
static void
append_line (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             const GdkRGBA *color,
             gboolean       dim)
{
  if (dim)
    gtk_snapshot_push_opacity (snapshot, DIM_ALPHA);
  gtk_snapshot_append_layout (snapshot, layout, color);
  if (dim)
    gtk_snapshot_pop (snapshot);
}

static void
luwte_row_text_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LuwteRowText *self = LUWTE_ROW_TEXT (widget);
  int width = gtk_widget_get_width (widget) * PANGO_SCALE;
  GdkRGBA color;

  ensure_fonts (self);
  if (self->title_layout == NULL)
    self->title_layout = new_line_layout (self, NULL, self->title != NULL ? self->title : "");
  if (self->subtitle_layout == NULL)
    self->subtitle_layout = new_line_layout (self, self->small_font, self->subtitle != NULL ? self->subtitle : "");
  pango_layout_set_width (self->title_layout, width);
  pango_layout_set_width (self->subtitle_layout, width);

  /* GtkStyleContext is how GTK 4.8 hands a widget its CSS colour. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  append_line (snapshot, self->title_layout, &color, self->title_dim);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->title_height + LINE_SPACING));
  append_line (snapshot, self->subtitle_layout, &color, TRUE);
  gtk_snapshot_restore (snapshot);

  if (self->detail_lines > 0 && self->detail != NULL)
    {
      if (self->detail_layout == NULL)
        {
          self->detail_layout = gtk_widget_create_pango_layout (widget, self->detail);
          pango_layout_set_font_description (self->detail_layout, self->small_font);
          pango_layout_set_attributes (self->detail_layout, self->detail_attributes);
          pango_layout_set_wrap (self->detail_layout, PANGO_WRAP_WORD_CHAR);
          pango_layout_set_ellipsize (self->detail_layout, PANGO_ELLIPSIZE_END);
          /* Negative: at most this many lines. */
          pango_layout_set_height (self->detail_layout, -(int) self->detail_lines);
        }
      pango_layout_set_width (self->detail_layout, width);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, self->title_height + self->small_height +
                                                                 2 * LINE_SPACING));
      append_line (snapshot, self->detail_layout, &color, FALSE);
      gtk_snapshot_restore (snapshot);
    }
}

/* A new font, size or font setting: measure and lay out anew. */
static void
luwte_row_text_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (luwte_row_text_parent_class)->css_changed (widget, change);
  forget_layout (LUWTE_ROW_TEXT (widget));
}

static void
luwte_row_text_direction_changed (GtkWidget        *widget,
                                  GtkTextDirection  previous)
{
  GTK_WIDGET_CLASS (luwte_row_text_parent_class)->direction_changed (widget, previous);
  forget_layout (LUWTE_ROW_TEXT (widget));
}

static void
luwte_row_text_system_setting_changed (GtkWidget        *widget,
                                       GtkSystemSetting  setting)
{
  GTK_WIDGET_CLASS (luwte_row_text_parent_class)->system_setting_changed (widget, setting);
  forget_layout (LUWTE_ROW_TEXT (widget));
  gtk_widget_queue_resize (widget);
}

static void
luwte_row_text_finalize (GObject *object)
{
  LuwteRowText *self = (LuwteRowText *) object;

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->detail);
  g_clear_pointer (&self->detail_attributes, pango_attr_list_unref);
  forget_layout (self);

  G_OBJECT_CLASS (luwte_row_text_parent_class)->finalize (object);
}

static void
luwte_row_text_class_init (LuwteRowTextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = luwte_row_text_finalize;
  widget_class->measure = luwte_row_text_measure;
  widget_class->snapshot = luwte_row_text_snapshot;
  widget_class->css_changed = luwte_row_text_css_changed;
  widget_class->direction_changed = luwte_row_text_direction_changed;
  widget_class->system_setting_changed = luwte_row_text_system_setting_changed;

  /* The row around it is named with both lines, for screen readers. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
luwte_row_text_init (LuwteRowText *self)
{
}

GtkWidget *
luwte_row_text_new (void)
{
  return g_object_new (LUWTE_TYPE_ROW_TEXT, NULL);
}

/**
 * luwte_row_text_set:
 * @title: (nullable): the first line, shown as it is, never as markup
 * @title_dim: whether the title is dimmed, as a placeholder is
 * @subtitle: (nullable): the second line, smaller and dimmed
 *
 * Redraws the row; its size stays.
 */
void
luwte_row_text_set (LuwteRowText *self,
                    const char   *title,
                    gboolean      title_dim,
                    const char   *subtitle)
{
  g_return_if_fail (LUWTE_IS_ROW_TEXT (self));

  if (g_strcmp0 (self->title, title) == 0 && g_strcmp0 (self->subtitle, subtitle) == 0 &&
      self->title_dim == !!title_dim)
    return;
  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->subtitle);
  self->subtitle = g_strdup (subtitle);
  self->title_dim = !!title_dim;
  g_clear_object (&self->title_layout);
  g_clear_object (&self->subtitle_layout);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * luwte_row_text_set_detail:
 * @text: (nullable): the detail, never markup
 * @attributes: (nullable): attributes of @text, by byte index
 * @lines: how many lines the row keeps for it; 0 for none
 *
 * The row's height follows @lines, never @text.
 */
void
luwte_row_text_set_detail (LuwteRowText  *self,
                           const char    *text,
                           PangoAttrList *attributes,
                           guint          lines)
{
  g_return_if_fail (LUWTE_IS_ROW_TEXT (self));

  g_free (self->detail);
  self->detail = g_strdup (text);
  g_clear_pointer (&self->detail_attributes, pango_attr_list_unref);
  if (attributes != NULL)
    self->detail_attributes = pango_attr_list_ref (attributes);
  g_clear_object (&self->detail_layout);
  if (self->detail_lines != lines)
    {
      self->detail_lines = lines;
      forget_layout (self);
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
luwte_row_text_get_detail (LuwteRowText *self)
{
  g_return_val_if_fail (LUWTE_IS_ROW_TEXT (self), NULL);
  return self->detail != NULL ? self->detail : "";
}

const char *
luwte_row_text_get_title (LuwteRowText *self)
{
  g_return_val_if_fail (LUWTE_IS_ROW_TEXT (self), NULL);
  return self->title != NULL ? self->title : "";
}

const char *
luwte_row_text_get_subtitle (LuwteRowText *self)
{
  g_return_val_if_fail (LUWTE_IS_ROW_TEXT (self), NULL);
  return self->subtitle != NULL ? self->subtitle : "";
}
