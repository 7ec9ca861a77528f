import { Button, Checkbox, Group, Input, Popover, Stack } from '@mantine/core';
import { useId } from 'react';

interface ChecklistFilterProps<T extends string> {
  label: string;
  options: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  /** What the closed control says: "Abiertos", "Todos", "Nuevo, Asignado"… */
  summary: string;
  presets?: readonly { label: string; value: readonly T[] }[];
}

/**
 * A several-choice filter that stays one line high in the filter bar: a button saying what is
 * chosen, opening a list of checkboxes (and quick choices such as "open ones" or "all").
 */
export function ChecklistFilter<T extends string>({
  label,
  options,
  value,
  onChange,
  summary,
  presets = [],
}: ChecklistFilterProps<T>) {
  const labelId = useId();
  return (
    <Input.Wrapper label={label} labelElement="div" id={labelId}>
      <Popover position="bottom-start" shadow="md" withinPortal trapFocus>
        <Popover.Target>
          <Button
            variant="default"
            fullWidth
            justify="space-between"
            rightSection={<span aria-hidden="true">▾</span>}
            aria-labelledby={labelId}
            aria-describedby={`${labelId}-summary`}
            fw={400}
            styles={{ label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
          >
            <span id={`${labelId}-summary`}>{summary}</span>
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            {presets.length > 0 && (
              <Group gap={4}>
                {presets.map((preset) => (
                  <Button
                    key={preset.label}
                    size="compact-xs"
                    variant="light"
                    onClick={() => onChange([...preset.value])}
                  >
                    {preset.label}
                  </Button>
                ))}
              </Group>
            )}
            <Checkbox.Group
              aria-labelledby={labelId}
              value={[...value]}
              onChange={(next) => onChange(options.map((o) => o.value).filter((v) => next.includes(v)))}
            >
              <Stack gap={6}>
                {options.map((option) => (
                  <Checkbox key={option.value} value={option.value} label={option.label} />
                ))}
              </Stack>
            </Checkbox.Group>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Input.Wrapper>
  );
}
