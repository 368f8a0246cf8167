import type { ElementType, ReactNode } from "react";
import { useLocale, type Locale } from "~/i18n";

/**
 * Text a person wrote in one language (an event's title or description), shown on a page in another:
 * marked with its `lang` so screen readers pronounce it right and hyphenation follows it (WCAG 3.1.2).
 */
export function ContentLang({
  lang,
  as: Tag = "span",
  className,
  children,
}: {
  lang: Locale | string | null | undefined;
  as?: ElementType;
  className?: string;
  children: ReactNode;
}) {
  const page = useLocale();
  const differs = Boolean(lang) && lang !== page;
  return (
    <Tag lang={differs ? lang : undefined} className={className}>
      {children}
    </Tag>
  );
}
