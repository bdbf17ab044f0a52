/* luwte-template.h — a letter template: its header, its body, rendering and checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "luwte-language.h"
#include "luwte-template-values.h"

G_BEGIN_DECLS

#define LUWTE_TEMPLATE_ERROR (luwte_template_error_quark ())

typedef enum {
  LUWTE_TEMPLATE_ERROR_INVALID,     /* the text breaks the format */
  LUWTE_TEMPLATE_ERROR_FILE_NAME,   /* the file name does not match id and language */
  LUWTE_TEMPLATE_ERROR_BUILTIN_ID,  /* a user's template takes a built-in one's id */
  LUWTE_TEMPLATE_ERROR_FAILED,      /* reading or writing the file failed */
} LuwteTemplateError;

GQuark luwte_template_error_quark (void);

/* The largest template file Luwte reads. */
#define LUWTE_TEMPLATE_MAX_BYTES (1024 * 1024)

typedef enum {
  LUWTE_TEMPLATE_CHANNEL_POST,
  LUWTE_TEMPLATE_CHANNEL_EMAIL,
} LuwteTemplateChannel;

/* `input: brief.name | label` */
typedef struct {
  char *name;
  char *label;
} LuwteTemplateInput;

typedef enum {
  LUWTE_TEMPLATE_CHECK_FIELD,    /* filled, and its value in the text */
  LUWTE_TEMPLATE_CHECK_LIST,     /* `berichten`: an item, and every URL in the text */
  LUWTE_TEMPLATE_CHECK_PHRASE,   /* "…": in the text, case and accents ignored */
} LuwteTemplateCheckKind;

typedef struct {
  LuwteTemplateCheckKind  kind;
  char                   *text;   /* the field name, or the phrase without quotes */
} LuwteTemplateCheckItem;

/* `check: label | what, what`: every item must hold. */
typedef struct {
  char      *label;
  GPtrArray *items;   /* LuwteTemplateCheckItem */
} LuwteTemplateCheck;

#define LUWTE_TYPE_TEMPLATE (luwte_template_get_type ())
G_DECLARE_FINAL_TYPE (LuwteTemplate, luwte_template, LUWTE, TEMPLATE, GObject)

LuwteTemplate        *luwte_template_parse              (const char           *text,
                                                         gssize                length,
                                                         const char           *origin,
                                                         GError              **error);

const char           *luwte_template_get_id             (LuwteTemplate        *self);
LuwteLanguage         luwte_template_get_language       (LuwteTemplate        *self);
const char           *luwte_template_get_title          (LuwteTemplate        *self);
const char * const   *luwte_template_get_interventions  (LuwteTemplate        *self);
const char           *luwte_template_get_recipient      (LuwteTemplate        *self);
LuwteTemplateChannel  luwte_template_get_channel        (LuwteTemplate        *self);
GPtrArray            *luwte_template_get_inputs         (LuwteTemplate        *self);
GPtrArray            *luwte_template_get_checks         (LuwteTemplate        *self);
const char * const   *luwte_template_get_notes          (LuwteTemplate        *self);
const char           *luwte_template_get_origin         (LuwteTemplate        *self);
gboolean              luwte_template_get_is_builtin     (LuwteTemplate        *self);
gboolean              luwte_template_suits              (LuwteTemplate        *self,
                                                         const char           *card_id);
gboolean              luwte_template_uses_field         (LuwteTemplate        *self,
                                                         const char           *name);
const char           *luwte_template_get_field_label    (LuwteTemplate        *self,
                                                         const char           *name);

char                 *luwte_template_render_subject     (LuwteTemplate        *self,
                                                         LuwteTemplateValues  *values,
                                                         GPtrArray            *missing);
char                 *luwte_template_render_body        (LuwteTemplate        *self,
                                                         LuwteTemplateValues  *values,
                                                         GPtrArray            *missing);
GArray               *luwte_template_check              (LuwteTemplate        *self,
                                                         LuwteTemplateValues  *values,
                                                         const char           *letter_text);
char                 *luwte_template_copy_text          (LuwteTemplate        *self,
                                                         const char           *new_id,
                                                         const char           *new_title);

GPtrArray            *luwte_template_missing_in_text    (const char           *text);
gboolean              luwte_template_is_id              (const char           *id);

G_END_DECLS
