import { Box, Text, type TextProps } from 'ink';
import { memo } from 'react';

const RUNS = /[\x20-\x7e]+|[^\x20-\x7e]+/g;

/**
 * A line of text drawn as runs: printable ASCII runs and other runs, each its own Text
 * in a row. Ink measures every text node's width on every frame, and string-width takes
 * microseconds a character unless the whole string is printable ASCII; cut into runs,
 * only the Chinese and symbol runs pay. Looks exactly like one `<Text>`.
 */
export const RunText = memo(function RunText({ text, ...style }: { readonly text: string } & Omit<TextProps, 'children'>) {
  const runs = text.match(RUNS) ?? [];
  if (runs.length <= 1) return <Text {...style}>{text}</Text>;
  return (
    <Box height={1} flexShrink={0}>
      {runs.map((run, i) => (
        <Text key={i} {...style}>
          {run}
        </Text>
      ))}
    </Box>
  );
});
