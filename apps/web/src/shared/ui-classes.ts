// Class lists of the Digital Agency design system components we use (button, input, select, link).
// Kept as strings so Tailwind sees every class name in the source.

export const buttonSolid =
  'inline-flex min-h-12 min-w-24 items-center justify-center gap-2 rounded-8 border-4 border-double border-transparent bg-blue-900 px-4 py-2 text-oln-16B-100 text-white underline-offset-[3px] hover:bg-blue-1000 hover:underline active:bg-blue-1200 disabled:cursor-not-allowed disabled:bg-solid-gray-300 disabled:text-solid-gray-50 disabled:no-underline';

export const buttonOutline =
  'inline-flex min-h-12 min-w-24 items-center justify-center gap-2 rounded-8 border border-current bg-white px-4 py-2 text-oln-16B-100 text-blue-900 underline-offset-[3px] hover:bg-blue-200 hover:text-blue-1000 hover:underline active:bg-blue-300 disabled:cursor-not-allowed disabled:text-solid-gray-420 disabled:no-underline';

export const buttonDanger =
  'inline-flex min-h-12 min-w-24 items-center justify-center gap-2 rounded-8 border-4 border-double border-transparent bg-error-2 px-4 py-2 text-oln-16B-100 text-white underline-offset-[3px] hover:bg-red-1000 hover:underline active:bg-red-1100 disabled:cursor-not-allowed disabled:bg-solid-gray-300 disabled:text-solid-gray-50';

export const buttonSmallOutline =
  'inline-flex min-h-11 md:min-h-9 items-center justify-center gap-1 rounded-6 border border-current bg-white px-3 py-0.5 text-oln-16B-100 text-blue-900 hover:bg-blue-200 hover:text-blue-1000 hover:underline aria-pressed:bg-blue-900 aria-pressed:text-white';

export const textInput =
  'block min-h-11 w-full max-w-full rounded-8 border border-solid-gray-900 bg-white px-4 py-3 text-oln-16N-100 text-solid-gray-800 aria-invalid:border-error-1 aria-invalid:border-2';

export const selectInput =
  'block min-h-11 w-full appearance-none rounded-8 border border-solid-gray-900 bg-white bg-[length:1rem] bg-[right_1rem_center] bg-no-repeat py-3 pl-4 pr-10 text-oln-16N-100 text-solid-gray-800 select-chevron';

export const fieldLabel = 'block text-std-17B-170 text-solid-gray-800';
export const fieldHint = 'mt-1 block text-std-16N-170 text-solid-gray-600';
export const fieldError = 'mt-1 block text-std-16B-170 text-error-2';

export const link = 'link-text';

export const pageTitle = 'text-std-32B-150 text-solid-gray-900 md:text-std-36B-140';
export const sectionTitle = 'text-std-24B-150 text-solid-gray-900';
export const subTitle = 'text-std-20B-150 text-solid-gray-900';
export const container = 'mx-auto w-full max-w-6xl px-4 md:px-8';
