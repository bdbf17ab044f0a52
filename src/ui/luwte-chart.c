/* luwte-chart.c — a bar chart drawn with the style's colours
 *
 * Upright columns or lying bars, each stacked from series, drawn with
 * GtkSnapshot in the foreground and named colours of the style, so it
 * reads in light and dark alike. A chart is a picture to a screen reader:
 * its accessible description holds every figure in words, and hovering a
 * column or bar shows its figures too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "luwte-chart"

#include "config.h"

#include "luwte-chart.h"

#include <math.h>

#define COLUMN_HEIGHT   220
#define MAX_COLUMN      48
#define BAR_THICKNESS   20
#define BAR_SPACING     12
#define GAP             6
#define RADIUS          3

struct _LuwteChart
{
  GtkWidget         parent_instance;

  LuwteChartLayout  layout;
  guint             n_series;
  GStrv             names;
  LuwteChartColor  *colors;
  guint             n_categories;
  GStrv             labels;
  double           *values;      /* [category * n_series + series] */
  guint             decimals;
};

G_DEFINE_FINAL_TYPE (LuwteChart, luwte_chart, GTK_TYPE_WIDGET)

static double
value_at (LuwteChart *self,
          guint       category,
          guint       series)
{
  return self->values[category * self->n_series + series];
}

/* Returns: the sum of a category's series */
double
luwte_chart_get_total (LuwteChart *self,
                       guint       category)
{
  double total = 0;

  g_return_val_if_fail (LUWTE_IS_CHART (self), 0);
  g_return_val_if_fail (category < self->n_categories, 0);
  for (guint s = 0; s < self->n_series; s++)
    total += value_at (self, category, s);
  return total;
}

guint
luwte_chart_get_n_categories (LuwteChart *self)
{
  g_return_val_if_fail (LUWTE_IS_CHART (self), 0);
  return self->n_categories;
}

static double
max_total (LuwteChart *self)
{
  double max = 0;

  for (guint c = 0; c < self->n_categories; c++)
    max = MAX (max, luwte_chart_get_total (self, c));
  return max;
}

/* In the user's locale: "3,5" and "15.000" in Dutch */
static char *
format_value (LuwteChart *self,
              double      value)
{
  return g_strdup_printf ("%'.*f", (int) self->decimals, value);
}

/* The style class of a legend's swatch in @color, from style.css */
const char *
luwte_chart_color_class (LuwteChartColor color)
{
  switch (color)
    {
    case LUWTE_CHART_ACCENT: return "chart-accent";
    case LUWTE_CHART_SUCCESS: return "chart-success";
    case LUWTE_CHART_WARNING: return "chart-warning";
    case LUWTE_CHART_ERROR: return "chart-error";
    case LUWTE_CHART_NEUTRAL: return "chart-neutral";
    case LUWTE_CHART_FAINT:
    default: return "chart-faint";
    }
}

/* The same colours as the swatches of style.css, from the current style */
static void
resolve_color (LuwteChart      *self,
               LuwteChartColor  color,
               GdkRGBA         *rgba)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  const char *name = NULL;
  double alpha = 1.0;

  switch (color)
    {
    case LUWTE_CHART_ACCENT: name = "accent_bg_color"; break;
    case LUWTE_CHART_SUCCESS: name = "success_bg_color"; break;
    case LUWTE_CHART_WARNING: name = "warning_bg_color"; break;
    case LUWTE_CHART_ERROR: name = "error_bg_color"; break;
    case LUWTE_CHART_NEUTRAL: alpha = 0.45; break;
    case LUWTE_CHART_FAINT:
    default: alpha = 0.18; break;
    }
  if (name != NULL && gtk_style_context_lookup_color (context, name, rgba))
    return;
  gtk_style_context_get_color (context, rgba);
  rgba->alpha *= alpha;
}

static void
foreground (LuwteChart *self,
            double      alpha,
            GdkRGBA    *rgba)
{
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), rgba);
  rgba->alpha *= alpha;
}

static PangoLayout *
make_layout (LuwteChart *self,
             const char *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static void
text_size (LuwteChart *self,
           const char *text,
           int        *width,
           int        *height)
{
  g_autoptr(PangoLayout) layout = make_layout (self, text);

  pango_layout_get_pixel_size (layout, width, height);
}

static void
draw_text (LuwteChart  *self,
           GtkSnapshot *snapshot,
           PangoLayout *layout,
           double       x,
           double       y,
           double       alpha)
{
  GdkRGBA color;

  foreground (self, alpha, &color);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

/* A hatch for what has no figure of its own yet ("not evaluated"): it
 * reads apart from the empty track and from the flat colours in light
 * and dark alike. */
static void
append_hatch (LuwteChart            *self,
              GtkSnapshot           *snapshot,
              const graphene_rect_t *part)
{
  GdkRGBA base, stripe;
  GskColorStop stops[4];

  foreground (self, 0.14, &base);
  foreground (self, 0.42, &stripe);
  stops[0] = (GskColorStop) { 0.0, stripe };
  stops[1] = (GskColorStop) { 0.4, stripe };
  stops[2] = (GskColorStop) { 0.4, base };
  stops[3] = (GskColorStop) { 1.0, base };
  gtk_snapshot_append_repeating_linear_gradient (snapshot, part,
                                                 &GRAPHENE_POINT_INIT (part->origin.x, part->origin.y),
                                                 &GRAPHENE_POINT_INIT (part->origin.x + 3.5, part->origin.y - 3.5),
                                                 stops, G_N_ELEMENTS (stops));
}

/* One column or bar: its series stacked, the outer end rounded */
static void
draw_stack (LuwteChart   *self,
            GtkSnapshot  *snapshot,
            guint         category,
            graphene_rect_t *area,
            double        scale)
{
  double total = luwte_chart_get_total (self, category);
  double offset = 0;
  GskRoundedRect clip;
  graphene_size_t round = GRAPHENE_SIZE_INIT (RADIUS, RADIUS);
  graphene_size_t square = GRAPHENE_SIZE_INIT (0, 0);
  graphene_rect_t whole;

  if (total <= 0)
    return;
  if (self->layout == LUWTE_CHART_COLUMNS)
    {
      double height = MAX (1, total * scale);

      whole = GRAPHENE_RECT_INIT (area->origin.x, area->origin.y + area->size.height - height, area->size.width, height);
      gsk_rounded_rect_init (&clip, &whole, &round, &round, &square, &square);
    }
  else
    {
      double width = MAX (1, total * scale);

      whole = GRAPHENE_RECT_INIT (area->origin.x, area->origin.y, width, area->size.height);
      gsk_rounded_rect_init (&clip, &whole, &square, &round, &round, &square);
    }
  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  for (guint s = 0; s < self->n_series; s++)
    {
      double length = value_at (self, category, s) * scale;
      GdkRGBA color;
      graphene_rect_t part;

      if (length <= 0)
        continue;
      if (self->layout == LUWTE_CHART_COLUMNS)
        part = GRAPHENE_RECT_INIT (whole.origin.x, whole.origin.y + whole.size.height - offset - length,
                                   whole.size.width, length);
      else
        part = GRAPHENE_RECT_INIT (whole.origin.x + offset, whole.origin.y, length, whole.size.height);
      if (self->colors[s] == LUWTE_CHART_FAINT)
        append_hatch (self, snapshot, &part);
      else
        {
          resolve_color (self, self->colors[s], &color);
          gtk_snapshot_append_color (snapshot, &color, &part);
        }
      offset += length;
    }
  gtk_snapshot_pop (snapshot);
}

/* A round number above @max for the axis: 1, 2 or 5 times a power of ten
 * per step, four steps */
static double
nice_step (double max,
           gboolean whole)
{
  double raw = max / 4;
  double power = pow (10, floor (log10 (raw)));
  double step = raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power : 10 * power;

  return whole ? MAX (1, round (step)) : step;
}

/* Where the columns go: the axis's values on the left, a slot each */
typedef struct {
  double step;
  double top;
  int    axis_width;
  int    line_height;
  double left;
  double slot;
} Columns;

static void
columns_geometry (LuwteChart *self,
                  int         width,
                  Columns    *geometry)
{
  g_autofree char *top_text = NULL;

  geometry->step = nice_step (MAX (max_total (self), 1), self->decimals == 0);
  geometry->top = geometry->step * ceil (MAX (max_total (self), 1) / geometry->step);
  top_text = format_value (self, geometry->top);
  text_size (self, top_text, &geometry->axis_width, &geometry->line_height);
  geometry->left = geometry->axis_width + GAP;
  geometry->slot = self->n_categories > 0 ? (width - geometry->left) / self->n_categories : 0;
}

/* How the labels along the bottom fit: on one line under every column
 * when they can; else broken at their spaces, all alike ("Dec" over
 * "2025"), when each word fits its slot; else on one line under every so
 * many, counted back from the last, so the latest column (this month)
 * always has its label. */
typedef struct {
  int   wrap_width;    /* -1: one line */
  guint every;
  int   height;
} AxisLabels;

#define AXIS_LABEL_LINES 2

static void
axis_labels_geometry (LuwteChart *self,
                      double      slot,
                      AxisLabels *axis)
{
  int room = (int) floor (slot) - GAP;
  int widest = 0;
  int widest_word = 0;
  int line_height = 0;

  for (guint c = 0; c < self->n_categories; c++)
    {
      g_auto(GStrv) words = g_strsplit (self->labels[c], " ", -1);
      int w;

      text_size (self, self->labels[c], &w, &line_height);
      widest = MAX (widest, w);
      for (guint i = 0; words[i] != NULL; i++)
        {
          text_size (self, words[i], &w, NULL);
          widest_word = MAX (widest_word, w);
        }
    }

  axis->wrap_width = -1;
  axis->every = 1;
  axis->height = line_height;
  if (widest <= room)
    return;
  if (widest_word <= room)
    {
      int height = 0;

      /* As narrow as the widest word: every label breaks the same way. */
      for (guint c = 0; c < self->n_categories; c++)
        {
          g_autoptr(PangoLayout) layout = make_layout (self, self->labels[c]);
          int h;

          pango_layout_set_width (layout, widest_word * PANGO_SCALE);
          pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
          if (pango_layout_get_line_count (layout) > AXIS_LABEL_LINES)
            {
              height = -1;
              break;
            }
          pango_layout_get_pixel_size (layout, NULL, &h);
          height = MAX (height, h);
        }
      if (height > 0)
        {
          axis->wrap_width = widest_word;
          axis->height = height;
          return;
        }
    }
  axis->every = slot > 0 ? (guint) ceil ((widest + GAP * 2) / slot) : 1;
  axis->every = MAX (axis->every, 1);
}

static gboolean
axis_label_shown (LuwteChart       *self,
                  const AxisLabels *axis,
                  guint             category)
{
  return (self->n_categories - 1 - category) % axis->every == 0;
}

static PangoLayout *
axis_label_layout (LuwteChart       *self,
                   const AxisLabels *axis,
                   guint             category)
{
  PangoLayout *layout = make_layout (self, self->labels[category]);

  if (axis->wrap_width > 0)
    {
      pango_layout_set_width (layout, axis->wrap_width * PANGO_SCALE);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
    }
  return layout;
}

static void
snapshot_columns (LuwteChart  *self,
                  GtkSnapshot *snapshot,
                  int          width,
                  int          height)
{
  Columns geometry;
  AxisLabels axis;
  double step, top, left, plot_top, plot_bottom, plot_height, slot, scale;
  int axis_width, line_height;
  GdkRGBA grid;

  columns_geometry (self, width, &geometry);
  axis_labels_geometry (self, geometry.slot, &axis);
  step = geometry.step;
  top = geometry.top;
  axis_width = geometry.axis_width;
  line_height = geometry.line_height;
  left = geometry.left;
  slot = geometry.slot;
  plot_top = line_height + GAP;
  plot_bottom = height - axis.height - GAP;
  plot_height = MAX (1, plot_bottom - plot_top);
  scale = plot_height / top;

  /* Grid lines with their values, faint, behind the columns */
  foreground (self, 0.12, &grid);
  for (double v = 0; v <= top + step / 2; v += step)
    {
      double y = plot_bottom - v * scale;
      g_autofree char *text = format_value (self, v);
      g_autoptr(PangoLayout) layout = make_layout (self, text);
      int w, h;

      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (left, round (y), width - left, 1));
      pango_layout_get_pixel_size (layout, &w, &h);
      draw_text (self, snapshot, layout, axis_width - w, y - h / 2.0, 0.55);
    }

  for (guint c = 0; c < self->n_categories; c++)
    {
      double bar = MIN (MAX_COLUMN, slot * 0.7);
      double x = left + c * slot + (slot - bar) / 2;
      double total = luwte_chart_get_total (self, c);
      graphene_rect_t area = GRAPHENE_RECT_INIT (x, plot_top, bar, plot_height);

      draw_stack (self, snapshot, c, &area, scale);

      /* The figure above its column, where it fits */
      if (total > 0)
        {
          g_autofree char *text = format_value (self, total);
          g_autoptr(PangoLayout) layout = make_layout (self, text);
          int w, h;

          pango_layout_get_pixel_size (layout, &w, &h);
          if (w <= slot)
            draw_text (self, snapshot, layout, x + bar / 2 - w / 2.0, plot_bottom - total * scale - h, 0.8);
        }
      if (axis_label_shown (self, &axis, c))
        {
          g_autoptr(PangoLayout) layout = axis_label_layout (self, &axis, c);
          int w;

          pango_layout_get_pixel_size (layout, &w, NULL);
          draw_text (self, snapshot, layout, CLAMP (x + bar / 2 - w / 2.0, 0, MAX (0, width - w)),
                     plot_bottom + GAP / 2.0, 0.7);
        }
    }
}

/**
 * luwte_chart_get_axis_label:
 * @category: a column
 *
 * For the columns layout, at the chart's width now.
 *
 * Returns: (nullable) (transfer full): the label drawn under the column,
 *   its lines as drawn; %NULL when there is no room for it
 */
char *
luwte_chart_get_axis_label (LuwteChart *self,
                            guint       category)
{
  Columns geometry;
  AxisLabels axis;
  g_autoptr(PangoLayout) layout = NULL;
  GString *text;

  g_return_val_if_fail (LUWTE_IS_CHART (self), NULL);
  g_return_val_if_fail (self->layout == LUWTE_CHART_COLUMNS, NULL);
  g_return_val_if_fail (category < self->n_categories, NULL);

  columns_geometry (self, gtk_widget_get_width (GTK_WIDGET (self)), &geometry);
  axis_labels_geometry (self, geometry.slot, &axis);
  if (!axis_label_shown (self, &axis, category))
    return NULL;
  layout = axis_label_layout (self, &axis, category);
  text = g_string_new (NULL);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      g_autofree char *part = g_strndup (pango_layout_get_text (layout) + line->start_index, line->length);

      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", g_strstrip (part));
    }
  return g_string_free (text, FALSE);
}

/* The labels on the left of lying bars take at most this part of the
 * width; a longer one takes two lines, then ends in an ellipsis (the
 * tooltip and the description say it whole). */
#define BAR_LABEL_SHARE 0.4
#define BAR_LABEL_LINES 2

static int
bars_label_width (LuwteChart *self,
                  int         width)
{
  int widest = 0;

  for (guint c = 0; c < self->n_categories; c++)
    {
      int w;

      text_size (self, self->labels[c], &w, NULL);
      widest = MAX (widest, w);
    }
  return MAX (1, MIN (widest, (int) (width * BAR_LABEL_SHARE)));
}

static PangoLayout *
bar_label_layout (LuwteChart *self,
                  guint       category,
                  int         label_width)
{
  PangoLayout *layout = make_layout (self, self->labels[category]);

  pango_layout_set_width (layout, label_width * PANGO_SCALE);
  pango_layout_set_height (layout, -BAR_LABEL_LINES);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  return layout;
}

/* Where each bar's row starts at @width, and where the last ends:
 * @tops holds n_categories + 1 */
static void
bars_rows (LuwteChart *self,
           int         width,
           double     *tops)
{
  int label_width = bars_label_width (self, width);
  double y = 0;

  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autoptr(PangoLayout) label = bar_label_layout (self, c, label_width);
      int h;

      pango_layout_get_pixel_size (label, NULL, &h);
      tops[c] = y;
      y += MAX (BAR_THICKNESS, h) + BAR_SPACING;
    }
  tops[self->n_categories] = y;
}

static void
snapshot_bars (LuwteChart  *self,
               GtkSnapshot *snapshot,
               int          width,
               int          height)
{
  double max = MAX (max_total (self), 1);
  g_autofree char *max_text = format_value (self, max);
  g_autofree double *tops = g_new (double, self->n_categories + 1);
  int label_width = bars_label_width (self, width);
  int value_width, line_height;
  double left, plot_width, scale;
  GdkRGBA track;

  text_size (self, max_text, &value_width, &line_height);
  left = label_width + GAP * 2;
  plot_width = MAX (1, width - left - value_width - GAP * 2);
  scale = plot_width / max;
  bars_rows (self, width, tops);
  /* The track is an outline, so no part of a bar is mistaken for it */
  foreground (self, 0.16, &track);

  for (guint c = 0; c < self->n_categories; c++)
    {
      double row = tops[c + 1] - tops[c];
      double y = tops[c] + (row - BAR_THICKNESS) / 2.0;
      double total = luwte_chart_get_total (self, c);
      g_autofree char *text = format_value (self, total);
      g_autoptr(PangoLayout) label = bar_label_layout (self, c, label_width);
      g_autoptr(PangoLayout) value = make_layout (self, text);
      graphene_rect_t area = GRAPHENE_RECT_INIT (left, y, plot_width, BAR_THICKNESS);
      GskRoundedRect outline;
      int w, h;

      pango_layout_get_pixel_size (label, NULL, &h);
      draw_text (self, snapshot, label, 0, y + (BAR_THICKNESS - h) / 2.0, 0.9);

      gsk_rounded_rect_init_from_rect (&outline, &area, RADIUS);
      gtk_snapshot_append_border (snapshot, &outline, (float[4]) { 1, 1, 1, 1 },
                                  (GdkRGBA[4]) { track, track, track, track });
      draw_stack (self, snapshot, c, &area, scale);

      pango_layout_get_pixel_size (value, &w, &h);
      draw_text (self, snapshot, value, left + total * scale + GAP, y + (BAR_THICKNESS - h) / 2.0, 0.8);
    }
}

static void
luwte_chart_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  LuwteChart *self = LUWTE_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->n_categories == 0 || self->n_series == 0 || width <= 0 || height <= 0)
    return;
  if (self->layout == LUWTE_CHART_COLUMNS)
    snapshot_columns (self, snapshot, width, height);
  else
    snapshot_bars (self, snapshot, width, height);
}

static void
luwte_chart_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  LuwteChart *self = LUWTE_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 120;
      *natural = 480;
      return;
    }
  if (self->layout == LUWTE_CHART_COLUMNS)
    *minimum = *natural = COLUMN_HEIGHT;
  else
    {
      g_autofree double *tops = g_new (double, self->n_categories + 1);

      /* Narrower, the labels take more lines. */
      bars_rows (self, for_size >= 0 ? for_size : 120, tops);
      *minimum = *natural = (int) ceil (tops[self->n_categories]);
    }
}

static GtkSizeRequestMode
luwte_chart_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

/* Which category the pointer is over; -1 when none */
static int
category_at (LuwteChart *self,
             double      x,
             double      y)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->n_categories == 0)
    return -1;
  if (self->layout == LUWTE_CHART_COLUMNS)
    {
      Columns geometry;

      columns_geometry (self, width, &geometry);
      if (x < geometry.left || geometry.slot <= 0)
        return -1;
      return MIN ((int) ((x - geometry.left) / geometry.slot), (int) self->n_categories - 1);
    }
  else
    {
      g_autofree double *tops = g_new (double, self->n_categories + 1);

      bars_rows (self, width, tops);
      for (guint c = 0; c < self->n_categories; c++)
        if (y >= tops[c] && y < tops[c + 1])
          return (int) c;
      return -1;
    }
}

/* "label: total" and, for stacks, a line per series */
static char *
describe_category (LuwteChart *self,
                   guint       category,
                   const char *separator)
{
  g_autofree char *total = format_value (self, luwte_chart_get_total (self, category));
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s: %s", self->labels[category], total);
  if (self->n_series > 1)
    for (guint s = 0; s < self->n_series; s++)
      {
        g_autofree char *value = format_value (self, value_at (self, category, s));

        g_string_append_printf (text, "%s%s %s", s == 0 ? separator : ", ", self->names[s], value);
      }
  return g_string_free (text, FALSE);
}

static gboolean
luwte_chart_query_tooltip (GtkWidget  *widget,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  LuwteChart *self = LUWTE_CHART (widget);
  int category = category_at (self, x, y);
  g_autofree char *text = NULL;

  if (category < 0)
    return FALSE;
  text = describe_category (self, (guint) category, "\n");
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/**
 * luwte_chart_describe:
 *
 * Returns: (transfer full): every figure of the chart in words, for a
 *   screen reader: "2026-01: 3; 2026-02: 0; …"
 */
char *
luwte_chart_describe (LuwteChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (LUWTE_IS_CHART (self), NULL);
  for (guint c = 0; c < self->n_categories; c++)
    {
      g_autofree char *part = describe_category (self, c, " — ");

      g_string_append_printf (text, "%s%s", c > 0 ? "; " : "", part);
    }
  return g_string_free (text, FALSE);
}

static void
luwte_chart_finalize (GObject *object)
{
  LuwteChart *self = LUWTE_CHART (object);

  g_strfreev (self->names);
  g_free (self->colors);
  g_strfreev (self->labels);
  g_free (self->values);

  G_OBJECT_CLASS (luwte_chart_parent_class)->finalize (object);
}

static void
luwte_chart_css_changed (GtkWidget         *widget,
                         GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (luwte_chart_parent_class)->css_changed (widget, change);
  /* Light to dark, or another accent: draw again in the new colours. */
  gtk_widget_queue_draw (widget);
  gtk_widget_queue_resize (widget);
}

static void
luwte_chart_class_init (LuwteChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = luwte_chart_finalize;
  widget_class->snapshot = luwte_chart_snapshot;
  widget_class->measure = luwte_chart_measure;
  widget_class->get_request_mode = luwte_chart_get_request_mode;
  widget_class->query_tooltip = luwte_chart_query_tooltip;
  widget_class->css_changed = luwte_chart_css_changed;
  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
luwte_chart_init (LuwteChart *self)
{
  self->names = g_new0 (char *, 1);
  self->labels = g_new0 (char *, 1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
luwte_chart_new (LuwteChartLayout layout)
{
  LuwteChart *self = g_object_new (LUWTE_TYPE_CHART, NULL);

  self->layout = layout;
  return GTK_WIDGET (self);
}

/**
 * luwte_chart_set_series:
 * @names: what each series is, for the tooltips and the description
 * @colors: (array length=n_series): their colours
 *
 * The parts each column or bar is stacked from; one for a plain chart.
 */
void
luwte_chart_set_series (LuwteChart             *self,
                        guint                   n_series,
                        const char * const     *names,
                        const LuwteChartColor  *colors)
{
  g_return_if_fail (LUWTE_IS_CHART (self));
  g_return_if_fail (n_series > 0);

  g_strfreev (self->names);
  g_free (self->colors);
  self->names = g_new0 (char *, n_series + 1);
  for (guint s = 0; s < n_series; s++)
    self->names[s] = g_strdup (names[s]);
  self->colors = g_memdup2 (colors, n_series * sizeof *colors);
  self->n_series = n_series;
  self->n_categories = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * luwte_chart_set_data:
 * @labels: (array length=n_categories): a label per column or bar
 * @values: the series of each category in turn: n_categories × n_series
 * @decimals: how many to show: 0 for counts
 *
 * Shows the figures, and gives them in words as the accessible description.
 */
void
luwte_chart_set_data (LuwteChart          *self,
                      guint                n_categories,
                      const char * const  *labels,
                      const double        *values,
                      guint                decimals)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LUWTE_IS_CHART (self));
  g_return_if_fail (self->n_series > 0);

  g_strfreev (self->labels);
  g_free (self->values);
  self->labels = g_new0 (char *, n_categories + 1);
  for (guint c = 0; c < n_categories; c++)
    self->labels[c] = g_strdup (labels[c]);
  self->values = g_memdup2 (values, n_categories * self->n_series * sizeof *values);
  self->n_categories = n_categories;
  self->decimals = decimals;

  description = luwte_chart_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
