import { Box, Text } from 'ink';
import { memo } from 'react';
import type { Message, Overlay } from '../model/uiState.js';
import { truncateToWidth } from '../text/displayWidth.js';
import type { Tone } from '../theme/Theme.js';
import { useLook } from '../theme/ThemeContext.js';
import { PromptLine } from './PromptLine.js';

/** Props of {@link Footer}. */
export interface FooterProps {
  readonly overlay: Overlay | null;
  readonly message: Message | null;
  /** The status line when there is no message (position, marks). */
  readonly status: string;
  /** The status line's colour: a service warning stands out. */
  readonly statusTone?: Tone;
  readonly hints: string;
  readonly width: number;
  /** The question of an open confirmation. */
  readonly question: string;
  /** What is wrong with the text being typed, live. */
  readonly problem: string | undefined;
  /** The label of an open text prompt. */
  readonly promptLabel: string;
  readonly promptHint: string;
}

/**
 * The two lines under every screen: a message or the status, and the key hints. An open
 * prompt takes both lines (its input and its hint or live problem); a confirmation asks
 * its question with No as the default.
 */
export const Footer = memo(function Footer({ overlay, message, status, statusTone, hints, width, question, problem, promptLabel, promptHint }: FooterProps) {
  const { theme } = useLook();
  if (overlay && (overlay.kind === 'filter' || overlay.kind === 'text' || overlay.kind === 'field')) {
    return <PromptLine label={promptLabel} line={overlay.line} width={width} hint={promptHint} problem={problem} />;
  }
  if (overlay && (overlay.kind === 'confirm' || overlay.kind === 'confirmRetry' || overlay.kind === 'confirmLeave')) {
    return (
      <Box flexDirection="column" width={width}>
        <Text bold color={theme.tone('warning')}>
          {truncateToWidth(question, width, theme.ellipsis)}
        </Text>
        <Text> </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width}>
      <Text color={message ? theme.tone(message.tone) : statusTone ? theme.tone(statusTone) : undefined}>{truncateToWidth(message?.text ?? status, width, theme.ellipsis) || ' '}</Text>
      <Text color={theme.tone('muted')}>{truncateToWidth(hints, width, theme.ellipsis)}</Text>
    </Box>
  );
});
