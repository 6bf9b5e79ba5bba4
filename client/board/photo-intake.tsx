/**
 * How files pasted or dropped on the board are added: images are first fitted to the asset
 * limit in the browser (photos.ts), and anything refused gets a message in the participant's
 * language that says what to do.
 *
 * Rendered inside <Tldraw> (as a child), where tldraw's toasts and its current translation are
 * available. It replaces tldraw's own file handlers, which (tldraw 5.1) keep the `msg` function
 * from the moment the editor mounted, before the Japanese translation has loaded: their
 * refusals ("File size is too big") came out in English in the Japanese UI. The handlers
 * registered here are re-registered when the translation changes.
 */
import { useEffect } from 'react'
import {
  defaultHandleExternalFileAsset,
  defaultHandleExternalFileContent,
  defaultHandleExternalFileReplaceContent,
  useEditor,
  useToasts,
  useTranslation,
  type TLDefaultExternalContentHandlerOpts,
} from 'tldraw'
import { fill } from '../../shared/i18n/catalog'
import { useCatalog } from '../i18n'
import { photoText } from './photo-labels'
import { fitImageForBoard, MAX_IMAGE_DIMENSION, PhotoRefused, type PhotoRefusal } from './photos'

export function PhotoIntake({ maxAssetBytes }: { maxAssetBytes: number }) {
  const editor = useEditor()
  const toasts = useToasts()
  const msg = useTranslation()
  const T = useCatalog(photoText)

  useEffect(() => {
    const options: TLDefaultExternalContentHandlerOpts = { toasts, msg, maxAssetSize: maxAssetBytes, maxImageDimension: MAX_IMAGE_DIMENSION }
    const size = (bytes: number) =>
      bytes >= 1024 * 1024 ? fill(T.sizeMb, { n: (bytes / 1024 / 1024).toFixed(1) }) : fill(T.sizeKb, { n: Math.max(1, Math.round(bytes / 1024)) })
    const refuse = (refusal: PhotoRefusal) => {
      const [title, description] = (() => {
        switch (refusal.reason) {
          case 'unsupported-type':
            return [T.unsupportedTitle, T.unsupportedBody]
          case 'undecodable':
            return [T.undecodableTitle, T.undecodableBody]
          case 'cannot-shrink':
            return [fill(T.cannotShrinkTitle, { limit: size(refusal.limit) }), T.cannotShrinkBody]
          case 'too-big-as-is': {
            const sizes = { size: size(refusal.size), limit: size(refusal.limit) }
            if (refusal.what === 'video') return [fill(T.videoTooBigTitle, sizes), T.videoTooBigBody]
            if (refusal.what === 'vector') return [fill(T.vectorTooBigTitle, sizes), T.vectorTooBigBody]
            return [fill(T.animationTooBigTitle, sizes), T.animationTooBigBody]
          }
        }
      })()
      toasts.addToast({ title, description, severity: 'error' })
    }
    /** The files that can go on the board, fitted; a message for each of the others. */
    const fitted = async (files: File[]): Promise<File[]> => {
      const out: File[] = []
      for (const file of files) {
        try {
          const result = await fitImageForBoard(file, maxAssetBytes)
          if (result.changed) {
            toasts.addToast({ title: fill(T.downscaled, { from: size(file.size), to: size(result.file.size) }), severity: 'info' })
          }
          out.push(result.file)
        } catch (error) {
          if (error instanceof PhotoRefused) refuse(error.refusal)
          else refuse({ reason: 'undecodable' })
        }
      }
      return out
    }

    editor.registerExternalContentHandler('files', async ({ point, files }) => {
      const ready = await fitted(files)
      if (ready.length > 0) await defaultHandleExternalFileContent(editor, { point, files: ready }, options)
    })
    editor.registerExternalContentHandler('file-replace', async (content) => {
      const [file] = await fitted([content.file])
      if (file) await defaultHandleExternalFileReplaceContent(editor, { ...content, file }, options)
    })
    // Called by the handlers above with the fitted file; registered again so that its checks
    // speak the current language too.
    editor.registerExternalAssetHandler('file', (asset) => defaultHandleExternalFileAsset(editor, asset, options))
  }, [editor, toasts, msg, T, maxAssetBytes])

  return null
}
